<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="139"/>
        <source>&amp;Mine supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="19"/>
        <source>Mine supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="152"/>
        <source>New supervision database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="153"/>
        <source>Open supervision database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="30"/>
        <source>{path} was upgraded from schema {old} to {new}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="36"/>
        <source>Opened {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="55"/>
        <source>New supervision database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="33"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="61"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="38"/>
        <source>Coordinate reference system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="65"/>
        <source>Use the CGCS2000 Gauss–Krüger zone of your county, e.g. EPSG:4526 for zone 38 with the zone prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="88"/>
        <source>Open supervision database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="84"/>
        <source>Import licence coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="87"/>
        <source>Reads licence boundaries from corner-coordinate files: land coordinate exchange txt, mining-right registration txt, CSV or XLSX corner tables. INPUT is one file or a folder (type or paste the folder path; the .txt, .csv and .xlsx files directly inside it are read).

The coordinate reference system is detected from the file (zone prefix, 带号 header); give CRS only when the file does not say it. Every file goes through the ministry's coordinate checks. A single file that fails them makes the algorithm fail with the checks' messages. In a folder, refused files are reported one by one and the good files are imported; the algorithm fails only when no file could be imported.

OUTPUT has one polygon per parcel, in the CRS of the first file read; files of the same datum in another zone are reprojected to it, files on another datum (Xi'an 1980, Beijing 1954 next to CGCS2000) are refused, since no exact transformation exists without local parameters.

With a supervision DATABASE, the licences are also stored there in one transaction (created, or updated with the previous boundary kept in history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="104"/>
        <source>Coordinate file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="104"/>
        <source>Coordinate files (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="113"/>
        <source>Coordinate reference system (empty: automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="116"/>
        <source>Store into supervision database (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="125"/>
        <source>Licence parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Files imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Files refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Licences imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Licences created in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Licences updated in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="128"/>
        <source>Licences unchanged in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="146"/>
        <source>{folder} holds no coordinate files (.txt, .csv, .xlsx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="200"/>
        <source>{path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="166"/>
        <source>Refused {path}:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="172"/>
        <source>Refused {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="181"/>
        <source>No file could be imported from {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="198"/>
        <source>{path}: reprojected from EPSG:{source} to EPSG:{target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="203"/>
        <source>Imported {licences} licences from {files} files; {refused} files refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="231"/>
        <source>The coordinate reference system must be an EPSG one (such as EPSG:4526), not {crs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="248"/>
        <source>{path} is in EPSG:{epsg} ({other}), the first file in EPSG:{first} ({datum}); files on different datums are not mixed in one layer. Import it separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="302"/>
        <source>Nothing was stored in {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="307"/>
        <source>Database {path}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="53"/>
        <source>Export licence coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="56"/>
        <source>Writes the licences of a supervision database as coordinate files: one land coordinate exchange txt or one mining-right registration txt per licence (named after the licence number), or one CSV corner table for all of them. Corners keep their numbers and the coordinates as given on the licence, so importing the files again gives the same coordinates. Leave the licence numbers empty to export every licence; separate several with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="33"/>
        <source>Supervision database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="70"/>
        <source>Licence numbers (comma separated; empty = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="73"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="73"/>
        <source>Land coordinate exchange txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="73"/>
        <source>Mining-right registration txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="73"/>
        <source>CSV corner table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="81"/>
        <source>Text encoding of the txt files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="86"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="87"/>
        <source>Files written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="88"/>
        <source>Licences exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="104"/>
        <source>Not in the database: {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="111"/>
        <source>The database holds no licences to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="130"/>
        <source>Wrote {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="132"/>
        <source>Licence {license_no} cannot be exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="143"/>
        <source>Wrote {count} corners to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="23"/>
        <source>Create supervision database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="26"/>
        <source>Creates an empty supervision database (GeoPackage) holding every table of the schema: mining rights, parcels, corners, monitoring zones, patches and their workflow log, inspections, photos, corner checks, survey extents, notices, the problem ledger and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="43"/>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="55"/>
        <source>Created {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="115"/>
        <source>EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="117"/>
        <source>EPSG:{epsg} is not a Gauss–Krüger projection; coordinate files need one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="140"/>
        <source>Licence {license_no} has no coordinate reference system; it cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="150"/>
        <source>Licence {license_no} has no parcels to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="154"/>
        <source>Licence {license_no}, parcel {parcel_no}, ring {ring}: fewer than 3 corners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="194"/>
        <source>A value cannot be written in the {encoding} encoding: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="87"/>
        <source>Licence {license_no} has no coordinate reference system; it cannot be placed on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="95"/>
        <source>Licence {license_no}: EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="104"/>
        <source>Licence {license_no} is in EPSG:{epsg} ({datum}) but the database is in EPSG:{store_epsg} ({store_datum}). Transform the coordinates with the official parameters for your area first; they are not stored as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="153"/>
        <source>Licence {license_no}, parcel {parcel_no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="157"/>
        <source>{where}: the boundary cannot be built ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="160"/>
        <source>{where}: the boundary is not a valid polygon ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="170"/>
        <source>Licence {license_no} has no area left once its excluded parcels are cut out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="196"/>
        <source>A licence without a licence number cannot be stored ({source}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="198"/>
        <source>Licence {license_no} has no parcels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="217"/>
        <source>Licence {license_no}, parcel {parcel_no}: corners cannot be placed in EPSG:{epsg}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="257"/>
        <source>Licence {license_no}: unknown {column} value “{value}” ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="477"/>
        <source>Licence {license_no} is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="103"/>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="131"/>
        <source>Layer {table} of {path} could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="170"/>
        <source>Creating a PostGIS supervision database is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="175"/>
        <source>{path} already exists; choose another name or open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="177"/>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="179"/>
        <source>The folder {folder} is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="202"/>
        <source>{path} is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="204"/>
        <source>{path} cannot be read (permission denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="221"/>
        <source>{path} is not a GeoPackage file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="210"/>
        <source>{path} is read-only: copy it to a folder where you may write, or ask for write permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="223"/>
        <source>{path} is a GeoPackage but not a supervision database (no {table} table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="230"/>
        <source>{path} is a GeoPackage but not a supervision database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="244"/>
        <source>{path} is locked by another program; close it there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="247"/>
        <source>{path} is not a GeoPackage file ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="353"/>
        <source>{path} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="357"/>
        <source>{path} is not a supervision database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="362"/>
        <source>{path} has a damaged schema record: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="364"/>
        <source>{path} was written by a newer version of the plugin (schema {found}; this plugin knows up to {known}). Update the Mine supervision plugin to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="373"/>
        <source>{path} has schema {found} and needs migrating to {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="33"/>
        <source>Missing Python packages: {names}. Analysis and documents that need them are disabled. Install them into QGIS's Python (Windows: OSGeo4W Shell; Linux/macOS: a terminal) with: python3 -m pip install {pip_names} — then restart QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="85"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="86"/>
        <source>field-verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="87"/>
        <source>determined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="88"/>
        <source>case filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="89"/>
        <source>rectifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="90"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="93"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="129"/>
        <source>No field check is recorded: the field-check date is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="133"/>
        <source>The field-check date {value} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="136"/>
        <source>The field-check date {date} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="139"/>
        <source>The field-check date {date} is before the after-imagery date {imagery}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="145"/>
        <source>The inspectors who made the field check are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="147"/>
        <source>No field check is recorded: the finding is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="155"/>
        <source>No determination (legal / illegal / other) is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="158"/>
        <source>Unknown determination {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="162"/>
        <source>Unknown violation type {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="164"/>
        <source>A patch determined illegal needs a violation type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="166"/>
        <source>A patch determined legal cannot carry a violation type ({value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="312"/>
        <source>Unknown workflow state {state}; the states are: {states}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="201"/>
        <source>The patch has an unknown workflow state {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="203"/>
        <source>The patch is already {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="206"/>
        <source>A closed patch cannot move on; correct the closing event to reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="209"/>
        <source>A patch cannot move from {from_state} to {to_state}; the next step allowed is: {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="224"/>
        <source>A case can be filed only for a patch determined illegal (this one is {value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="230"/>
        <source>The case number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="234"/>
        <source>A patch determined illegal must be filed as a case before rectification (no handling without a case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="241"/>
        <source>A patch determined legal needs no rectification; close it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="247"/>
        <source>A patch determined illegal can be closed only after its case is filed and rectified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="253"/>
        <source>Rectification and penalty are not recorded as completed; a patch is closed only after both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="275"/>
        <source>These fields cannot be set by a workflow step: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="286"/>
        <source>The {field} of a determined patch is changed only by correcting the determination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="319"/>
        <source>Only the latest event of a patch can be corrected: event {fid} is followed by event {latest}; correct that one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="326"/>
        <source>The issue record of a patch cannot be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="328"/>
        <source>The patch is already {state}; there is nothing to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="85"/>
        <source>Unknown patch fields in the field mapping: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="87"/>
        <source>Unknown area unit {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="281"/>
        <source>{file} has no .dbf attribute file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="289"/>
        <source>encoding {encoding} from {cpg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="293"/>
        <source>{cpg} says {declared} but the text is not valid {declared}; read as {encoding}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="297"/>
        <source>no non-ASCII text; read as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="299"/>
        <source>encoding {encoding} from the .dbf language driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="304"/>
        <source>no .cpg file; the text reads as {encoding}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="305"/>
        <source>no .cpg file and the text is neither UTF-8 nor GBK; read as GB18030, check the Chinese text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="336"/>
        <source>{file} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="343"/>
        <source>{file} has no layer {layer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="347"/>
        <source>{file} holds no layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="358"/>
        <source>{file} holds several layers ({names}); choose the one with the patches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="372"/>
        <source>The coordinate reference system of {file} is unknown (no .prj file or CRS definition). The patches cannot be placed: add the CRS to the file (e.g. with QGIS &apos;Assign projection&apos;) and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="394"/>
        <source>{file} declares the geographic CRS {crs}, but its coordinates are not longitudes and latitudes (x {min_x:.0f}…{max_x:.0f}, y {min_y:.0f}…{max_y:.0f}). Its CRS declaration is wrong: assign the right projected CRS and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="406"/>
        <source>{file} is in {crs} (datum {datum}). Converting it to EPSG:{target} needs the local transformation parameters, which this plugin does not guess. Convert the file to CGCS2000 with the parameters from your surveying authority first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="443"/>
        <source>The patches of {file} lie around longitude {lon:.3f}, latitude {lat:.3f}, outside the area where EPSG:{epsg} is used ({west:.1f}–{east:.1f}°E): check the CRS of the file and of the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="508"/>
        <source>row {row} (patch {patch_no})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="508"/>
        <source>row {row} (no patch number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="634"/>
        <source>{where}: the geometry is empty; the patch is kept without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="505"/>
        <source>{where}: the geometry is a {kind}, not a polygon; the patch is kept without geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="512"/>
        <source>{where}: parts that are not polygons were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="521"/>
        <source>{where}: the geometry is invalid ({reason}) and has no area once repaired; kept without geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="525"/>
        <source>{where}: self-intersecting or otherwise invalid geometry ({reason}) repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="588"/>
        <source>{file} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="590"/>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="603"/>
        <source>{file} has no patch-number field (looked for {candidates}); its fields are: {fields}. Choose the patch-number field in the field mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="514"/>
        <source>{where}: the patch number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="644"/>
        <source>{where}: the geometry cannot be read or reprojected ({reason}); kept without geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="657"/>
        <source>{where}: {field} value {value} is not a date; left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="670"/>
        <source>{where}: year {value} is not a year; left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="675"/>
        <source>{where}: area {value} is not a number; the computed area is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="702"/>
        <source>Patch number {patch_no} occurs {count} times (rows {rows}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="739"/>
        <source>The declared areas ({field}) of {file} match the computed areas in no unit (m², 亩, ha, km²); read as m². Set the area unit in the field mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="746"/>
        <source>The declared areas ({field}) of {file} are in {unit}; converted to m².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="759"/>
        <source>{where}: declared area {declared:.2f} m² differs from the computed {computed:.2f} m².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="240"/>
        <source>Licence {license_no}: excluded parcel {parcel_no} does not lie inside one licensed parcel, which the land coordinate exchange format cannot express; use the registration format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="368"/>
        <source>A corner table holds one coordinate system; these licences are in {crs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="114"/>
        <source>warning: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="265"/>
        <source>the file states {file_datum} but EPSG:{epsg} ({crs_datum}) was given; the given CRS is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="272"/>
        <source>the eastings carry zone {zone} but EPSG:{epsg} is not that zone with a zone prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="279"/>
        <source>EPSG:{epsg} expects eastings with a zone prefix but the file&apos;s eastings have none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="286"/>
        <source>the file states zone {zone} but EPSG:{epsg} is zone {crs_zone}; the given CRS is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="295"/>
        <source>unsupported coordinate system &apos;{name}&apos;: give the CRS explicitly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="302"/>
        <source>the file does not state its coordinate system; CGCS2000 is assumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="307"/>
        <source>zone prefix {zone} is not a Chinese Gauss–Krüger zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="310"/>
        <source>the file states {width}-degree zones but prefix {zone} is a {found}-degree zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="318"/>
        <source>zone {stated} was stated but the eastings carry zone {zone}; the eastings&apos; zone is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="335"/>
        <source>the eastings have no zone prefix and the file states no zone (带号): give the zone or the CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="345"/>
        <source>zone {zone} is not a {width}-degree Gauss–Krüger zone of China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="352"/>
        <source>no EPSG code for {width}-degree zone {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="355"/>
        <source>coordinates are in {datum} (EPSG:{epsg}): they must be transformed to CGCS2000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="432"/>
        <source>cannot read the file: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="437"/>
        <source>the file is neither UTF-8 nor GBK/GB18030 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="549"/>
        <source>old .xls workbooks are not read: save the table as .xlsx or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="553"/>
        <source>not a recognised coordinate file (land exchange txt, registration txt or corner table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="603"/>
        <source>the coordinate system could not be determined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="769"/>
        <source>line ignored: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="674"/>
        <source>corner line before any parcel header line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="677"/>
        <source>expected '点号,圈号,X,Y', found: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1067"/>
        <source>point name &apos;{name}&apos; has no number; numbered {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1070"/>
        <source>ring number (圈号) '{ring}' is not a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="794"/>
        <source>coordinates are not numbers: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="697"/>
        <source>no [地块坐标] section with parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="701"/>
        <source>the file states no licence number (许可证号); the file name '{name}' is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="718"/>
        <source>coordinate unit (计量单位) '{unit}' is not metres: only projected coordinates in metres are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="729"/>
        <source>corner count (界址点数) '{value}' is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="734"/>
        <source>parcel area (地块面积) '{value}' is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="741"/>
        <source>geometry type '{kind}' is not a polygon (面)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="775"/>
        <source>row count (总行数) '{value}' is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="783"/>
        <source>XY line numbers jump from {previous} to {current}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="802"/>
        <source>parcel closing line without corners before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="807"/>
        <source>the last parcel has no closing line (标高上限,标高下限,,标识)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="809"/>
        <source>the row count line (矿区范围拐点坐标与标高的总行数) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="811"/>
        <source>row count (总行数) is {declared} but the file has {given} XY lines (corner lines plus closing lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="817"/>
        <source>no corner lines (XYnnn=点号,X,Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="820"/>
        <source>the licence number (许可证号) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1052"/>
        <source>elevation &apos;{value}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="854"/>
        <source>top elevation {top} m is below bottom elevation {bottom} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="865"/>
        <source>unknown parcel flag &apos;{flag}&apos; (known: 1, 0 or empty = licensed parcel, -1 = excluded parcel); read as a licensed parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="879"/>
        <source>unknown mining method &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="886"/>
        <source>validity '{value}' is not 'start至end'</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="895"/>
        <source>date &apos;{value}&apos; is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="897"/>
        <source>validity ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="903"/>
        <source>licensed area &apos;{value}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="959"/>
        <source>reading .xlsx needs the Python package openpyxl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="964"/>
        <source>cannot open the workbook: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="998"/>
        <source>no header row with X and Y columns (X/北坐标, Y/东坐标) in the first 10 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1005"/>
        <source>no licence number column (许可证号/license_no); the file name '{name}' is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1056"/>
        <source>elevation {value} differs from {first} given earlier for this parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1075"/>
        <source>coordinates are not numbers: X={x}, Y={y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1091"/>
        <source>the table has no corner rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1095"/>
        <source>the table mixes {what} values: {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1139"/>
        <source>X={x}, Y={y} is not a Gauss–Krüger coordinate in metres (X northing of 7 digits, Y easting of 6 digits or 8 with the zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1147"/>
        <source>X and Y are swapped on this line compared with the rest of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1156"/>
        <source>X and Y columns are swapped (X must be the northing, Y the easting); they were swapped back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1162"/>
        <source>no prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1164"/>
        <source>eastings mix zones or prefixes ({zones})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1181"/>
        <source>ring {ring} does not close: corner {number} repeats the first corner&apos;s number but not its coordinates (X={x}, Y={y} against X={x0}, Y={y0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1191"/>
        <source>corner {number} repeats the coordinates of the corner before it ({previous})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1199"/>
        <source>ring {ring} has {count} distinct corners; a ring needs at least 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1229"/>
        <source>ring {ring} intersects itself: edge {a}–{b} meets edge {c}–{d} near X={x:.2f}, Y={y:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1238"/>
        <source>ring {ring} intersects itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1251"/>
        <source>the parcel has no outer ring (圈号 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1263"/>
        <source>declared corner count (界址点数) is {declared} but the parcel has {given} corner lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1276"/>
        <source>ring {ring} (a hole) is not inside the outer ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1282"/>
        <source>holes {a} and {b} overlap by {area:.2f} m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1289"/>
        <source>invalid polygon: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1310"/>
        <source>declared area {declared} {unit} ({declared_m2:.2f} m²) differs from the computed area: planar {planar:.2f} m², ellipsoidal {ellipsoidal} m²; difference {difference:.2f} m² ({relative:+.4%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1336"/>
        <source>parcel areas (地块面积) are in {unit}, not in hectares (公顷) as the format specifies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1345"/>
        <source>the file has no corners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1362"/>
        <source>parcel number {number} is used twice in licence {licence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1391"/>
        <source>parcels {a} and {b} of licence {licence} overlap by {area:.2f} m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates.py" line="1400"/>
        <source>excluded parcel is not inside the licensed parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="176"/>
        <source>A reason is required for every workflow step and correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="350"/>
        <source>Unknown workflow state {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="364"/>
        <source>There is no patch {patch_no} in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="307"/>
        <source>Not applied: other patches of the batch were refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="358"/>
        <source>There is no workflow event {fid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="403"/>
        <source>The CRS of the patches ({crs}) has no EPSG code; reproject them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="448"/>
        <source>{where}: {field} value {value} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="484"/>
        <source>Unknown patch source {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="498"/>
        <source>Issued ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="552"/>
        <source>Nothing was imported: these patch numbers are repeated in the batch or already stored: {numbers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="560"/>
        <source>Nothing was imported: the batch has problems to fix first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
