<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="181"/>
        <source>&amp;Mine supervision</source>
        <translation>矿产监管(&amp;M)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="95"/>
        <source>Mine supervision</source>
        <translation>矿产监管</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="194"/>
        <source>New supervision database…</source>
        <translation>新建监管数据库…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="195"/>
        <source>Open supervision database…</source>
        <translation>打开监管数据库…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="79"/>
        <source>{path} was upgraded from schema {old} to {new}.</source>
        <translation>{path} 的数据库结构已由版本 {old} 升级至 {new}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="85"/>
        <source>Opened {path}.</source>
        <translation>已打开 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="104"/>
        <source>New supervision database</source>
        <translation>新建监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="36"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="110"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="41"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="114"/>
        <source>Use the CGCS2000 Gauss–Krüger zone of your county, e.g. EPSG:4526 for zone 38 with the zone prefix.</source>
        <translation>请使用本县所在的 CGCS2000 高斯-克吕格投影带，例如第 38 带（东坐标含带号前缀）为 EPSG:4526。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="141"/>
        <source>Open supervision database</source>
        <translation>打开监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="69"/>
        <source>Import licence coordinates</source>
        <translation>导入采矿权拐点坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="93"/>
        <source>Coordinate file or folder</source>
        <translation>坐标文件或文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="93"/>
        <source>Coordinate files (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;All files (*)</source>
        <translation>坐标文件 (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="102"/>
        <source>Coordinate reference system (empty: automatic)</source>
        <translation>坐标参考系（留空：自动识别）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="105"/>
        <source>Store into supervision database (optional)</source>
        <translation>存入监管数据库（可选）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="114"/>
        <source>Licence parcels</source>
        <translation>许可证地块</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Files imported</source>
        <translation>已导入文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Files refused</source>
        <translation>被拒收文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Licences imported</source>
        <translation>已导入许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Licences created in the database</source>
        <translation>数据库中新建的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Licences updated in the database</source>
        <translation>数据库中更新的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117"/>
        <source>Licences unchanged in the database</source>
        <translation>数据库中未变化的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="135"/>
        <source>{folder} holds no coordinate files (.txt, .csv, .xlsx).</source>
        <translation>{folder} 中没有坐标文件（.txt、.csv、.xlsx）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="390"/>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="155"/>
        <source>Refused {path}:
{problems}</source>
        <translation>已拒收 {path}：
{problems}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="161"/>
        <source>Refused {path}: {reason}</source>
        <translation>已拒收 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="170"/>
        <source>No file could be imported from {path}.</source>
        <translation>{path} 中没有可导入的文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="235"/>
        <source>{path}: reprojected from EPSG:{source} to EPSG:{target}.</source>
        <translation>{path}：已由 EPSG:{source} 重投影至 EPSG:{target}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="219"/>
        <source>Imported {licences} licences from {files} files; {refused} files refused.</source>
        <translation>已从 {files} 个文件导入 {licences} 个许可证；拒收 {refused} 个文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="270"/>
        <source>The coordinate reference system must be an EPSG one (such as EPSG:4526), not {crs}.</source>
        <translation>坐标参考系必须为 EPSG 坐标系（如 EPSG:4526），而不是 {crs}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="202"/>
        <source>Nothing was stored in {path}: {reason}</source>
        <translation>未向 {path} 写入任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="206"/>
        <source>Database {path}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>数据库 {path}：新建 {created} 个，更新 {updated} 个，未变化 {unchanged} 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="52"/>
        <source>Export licence coordinates</source>
        <translation>导出采矿权拐点坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="55"/>
        <source>Writes the licences of a supervision database as coordinate files: one land coordinate exchange txt or one mining-right registration txt per licence (named after the licence number), or one CSV corner table for all of them. Corners keep their numbers and the coordinates as given on the licence, so importing the files again gives the same coordinates. Leave the licence numbers empty to export every licence; separate several with commas.</source>
        <translation>将监管数据库中的许可证导出为坐标文件：每个许可证一个土地坐标交换格式 txt 或采矿权登记格式 txt（以许可证号命名），或全部许可证合为一个 CSV 拐点坐标表。拐点保留原编号及许可证上登记的坐标，重新导入这些文件可得到相同的坐标。许可证号留空则导出全部许可证；多个许可证号以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="36"/>
        <source>Supervision database</source>
        <translation>监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="71"/>
        <source>Licence numbers (comma separated; empty = all)</source>
        <translation>许可证号（以逗号分隔；留空 = 全部）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="74"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="74"/>
        <source>Land coordinate exchange txt</source>
        <translation>土地坐标交换格式 txt</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="74"/>
        <source>Mining-right registration txt</source>
        <translation>采矿权登记格式 txt</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="74"/>
        <source>CSV corner table</source>
        <translation>CSV 拐点坐标表</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="82"/>
        <source>Text encoding of the txt files</source>
        <translation>txt 文件的文本编码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="87"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="88"/>
        <source>Files written</source>
        <translation>已写出文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="89"/>
        <source>Licences exported</source>
        <translation>已导出许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="102"/>
        <source>Not in the database: {numbers}</source>
        <translation>数据库中不存在：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="109"/>
        <source>The database holds no licences to export.</source>
        <translation>数据库中没有可导出的许可证。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="126"/>
        <source>Wrote {path}</source>
        <translation>已写出 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="128"/>
        <source>Licence {license_no} cannot be exported: {reason}</source>
        <translation>许可证 {license_no} 无法导出：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="143"/>
        <source>Wrote {count} corners to {path}</source>
        <translation>已将 {count} 个拐点写入 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="22"/>
        <source>Create supervision database</source>
        <translation>新建监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="25"/>
        <source>Creates an empty supervision database (GeoPackage) holding every table of the schema: mining rights, parcels, corners, monitoring zones, patches and their workflow log, inspections, photos, corner checks, survey extents, notices, the problem ledger and the audit log.</source>
        <translation>新建一个空的监管数据库（GeoPackage），包含数据库结构中的全部数据表：采矿权、地块、拐点、重点监测矿区、图斑及其流程记录、巡查核查记录、照片、拐点核查、勘测范围、整改通知书、问题台账和审计日志。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="46"/>
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="60"/>
        <source>Created {path}</source>
        <translation>已创建 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="107"/>
        <source>EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation>EPSG:{epsg} 不是已知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="109"/>
        <source>EPSG:{epsg} is not a Gauss–Krüger projection; coordinate files need one.</source>
        <translation>EPSG:{epsg} 不是高斯-克吕格投影；坐标文件须采用高斯-克吕格投影。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="132"/>
        <source>Licence {license_no} has no coordinate reference system; it cannot be written.</source>
        <translation>许可证 {license_no} 没有坐标参考系，无法写出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="142"/>
        <source>Licence {license_no} has no parcels to write.</source>
        <translation>许可证 {license_no} 没有可写出的地块。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="146"/>
        <source>Licence {license_no}, parcel {parcel_no}, ring {ring}: fewer than 3 corners.</source>
        <translation>许可证 {license_no}，地块 {parcel_no}，第 {ring} 圈：拐点少于 3 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="186"/>
        <source>A value cannot be written in the {encoding} encoding: {text}</source>
        <translation>有内容无法以 {encoding} 编码写出：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="87"/>
        <source>Licence {license_no} has no coordinate reference system; it cannot be placed on the map.</source>
        <translation>许可证 {license_no} 没有坐标参考系，无法在地图上定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="95"/>
        <source>Licence {license_no}: EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation>许可证 {license_no}：EPSG:{epsg} 不是已知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="104"/>
        <source>Licence {license_no} is in EPSG:{epsg} ({datum}) but the database is in EPSG:{store_epsg} ({store_datum}). Transform the coordinates with the official parameters for your area first; they are not stored as they are.</source>
        <translation>许可证 {license_no} 的坐标系为 EPSG:{epsg}（{datum}），而数据库为 EPSG:{store_epsg}（{store_datum}）。请先用本地区的官方转换参数转换坐标；坐标未按原样入库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="140"/>
        <source>Licence {license_no}, parcel {parcel_no}</source>
        <translation>许可证 {license_no}，地块 {parcel_no}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="144"/>
        <source>{where}: the boundary cannot be built ({reason}).</source>
        <translation>{where}：无法构建范围边界（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="147"/>
        <source>{where}: the boundary is not a valid polygon ({reason}).</source>
        <translation>{where}：范围边界不是有效的多边形（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="157"/>
        <source>Licence {license_no} has no area left once its excluded parcels are cut out.</source>
        <translation>许可证 {license_no} 扣除地块后已无剩余面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="526"/>
        <source>A licence without a licence number cannot be stored ({source}).</source>
        <translation>没有许可证号的许可证无法入库（{source}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="181"/>
        <source>Licence {license_no} has no parcels.</source>
        <translation>许可证 {license_no} 没有地块。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="208"/>
        <source>Licence {license_no}, parcel {parcel_no}: corners cannot be placed in EPSG:{epsg}.</source>
        <translation>许可证 {license_no}，地块 {parcel_no}：拐点无法在 EPSG:{epsg} 中定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="248"/>
        <source>Licence {license_no}: unknown {column} value “{value}” ignored.</source>
        <translation>许可证 {license_no}：{column} 的取值“{value}”无法识别，已忽略。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="437"/>
        <source>Licence {license_no} is not in the database.</source>
        <translation>数据库中没有许可证 {license_no}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="109"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="181"/>
        <source>Layer {table} of {path} could not be loaded.</source>
        <translation>无法加载 {path} 中的图层 {table}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="281"/>
        <source>{path} already exists; choose another name or open it.</source>
        <translation>{path} 已存在；请另取文件名或直接打开该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/ledger.py" line="146"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="285"/>
        <source>The folder {folder} is not writable.</source>
        <translation>文件夹 {folder} 不可写。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="392"/>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="394"/>
        <source>{path} cannot be read (permission denied).</source>
        <translation>{path} 无法读取（权限不足）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="96"/>
        <source>{path} is not a GeoPackage file.</source>
        <translation>{path} 不是 GeoPackage 文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="400"/>
        <source>{path} is read-only: copy it to a folder where you may write, or ask for write permission.</source>
        <translation>{path} 为只读：请将其复制到有写入权限的文件夹，或申请写入权限。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="421"/>
        <source>{path} is a GeoPackage but not a supervision database (no {table} table).</source>
        <translation>{path} 是 GeoPackage，但不是监管数据库（缺少 {table} 表）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="428"/>
        <source>{path} is a GeoPackage but not a supervision database.</source>
        <translation>{path} 是 GeoPackage，但不是监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="442"/>
        <source>{path} is locked by another program; close it there and try again.</source>
        <translation>{path} 已被其他程序锁定；请在该程序中关闭后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="445"/>
        <source>{path} is not a GeoPackage file ({reason}).</source>
        <translation>{path} 不是 GeoPackage 文件（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="683"/>
        <source>{path} cannot be opened: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="691"/>
        <source>{path} is not a supervision database.</source>
        <translation>{path} 不是监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="697"/>
        <source>{path} has a damaged schema record: {reason}</source>
        <translation>{path} 的数据库结构记录已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="704"/>
        <source>{path} was written by a newer version of the plugin (schema {found}; this plugin knows up to {known}). Update the Mine supervision plugin to open it.</source>
        <translation>{path} 由更高版本的插件写入（数据库结构版本 {found}；本插件最高支持 {known}）。请更新矿产监管插件后再打开。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="716"/>
        <source>{path} has schema {found} and needs migrating to {known}.</source>
        <translation>{path} 的数据库结构版本为 {found}，需要迁移至 {known}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="90"/>
        <source>issued</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="91"/>
        <source>field-verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="92"/>
        <source>determined</source>
        <translation>已判定</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="93"/>
        <source>case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="94"/>
        <source>rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="95"/>
        <source>closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="98"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="159"/>
        <source>No field check is recorded: the field-check date is missing.</source>
        <translation>没有实地核查记录：缺少核查日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="163"/>
        <source>The field-check date {value} is not a date.</source>
        <translation>核查日期 {value} 不是有效日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="166"/>
        <source>The field-check date {date} is in the future.</source>
        <translation>核查日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="169"/>
        <source>The field-check date {date} is before the after-imagery date {imagery}.</source>
        <translation>核查日期 {date} 早于后时相影像日期 {imagery}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="175"/>
        <source>The inspectors who made the field check are not recorded.</source>
        <translation>未记录实地核查人员。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="177"/>
        <source>No field check is recorded: the finding is missing.</source>
        <translation>没有实地核查记录：缺少核查情况。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="185"/>
        <source>No determination (legal / illegal / other) is recorded.</source>
        <translation>未记录判定结果（合法/违法/其他）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="188"/>
        <source>Unknown determination {value}.</source>
        <translation>未知的判定结果 {value}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="192"/>
        <source>Unknown violation type {value}.</source>
        <translation>未知的违法类型 {value}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="194"/>
        <source>A patch determined illegal needs a violation type.</source>
        <translation>判定为违法的图斑须填写违法类型。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="196"/>
        <source>A patch determined legal cannot carry a violation type ({value}).</source>
        <translation>判定为合法的图斑不能填写违法类型（{value}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="340"/>
        <source>Unknown workflow state {state}; the states are: {states}.</source>
        <translation>未知的流程状态 {state}；可用状态为：{states}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="231"/>
        <source>The patch has an unknown workflow state {state}.</source>
        <translation>图斑的流程状态 {state} 无法识别。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="233"/>
        <source>The patch is already {state}.</source>
        <translation>图斑已处于“{state}”状态。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="236"/>
        <source>A closed patch cannot move on; correct the closing event to reopen it.</source>
        <translation>已销号的图斑不能再流转；如需重新打开，请更正销号环节。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="239"/>
        <source>A patch cannot move from {from_state} to {to_state}; the next step allowed is: {allowed}.</source>
        <translation>图斑不能由“{from_state}”转入“{to_state}”；允许的下一步为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="254"/>
        <source>A case can be filed only for a patch determined illegal (this one is {value}).</source>
        <translation>只有判定为违法的图斑才能立案（该图斑判定为“{value}”）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="260"/>
        <source>The case number is missing.</source>
        <translation>缺少案件编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="264"/>
        <source>A patch determined illegal must be filed as a case before rectification (no handling without a case).</source>
        <translation>判定为违法的图斑须先立案再整改（不得未立案即处理）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="271"/>
        <source>A patch determined legal needs no rectification; close it instead.</source>
        <translation>判定为合法的图斑无需整改，请直接销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="277"/>
        <source>A patch determined illegal can be closed only after its case is filed and rectified.</source>
        <translation>判定为违法的图斑须立案并整改后方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="283"/>
        <source>Rectification and penalty are not recorded as completed; a patch is closed only after both.</source>
        <translation>未记录整改和处罚已完成；图斑须在两者均完成后方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="305"/>
        <source>These fields cannot be set by a workflow step: {fields}.</source>
        <translation>以下字段不能通过流程操作设置：{fields}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="314"/>
        <source>The {field} of a determined patch is changed only by correcting the determination.</source>
        <translation>已判定图斑的 {field} 只能通过更正判定环节修改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="347"/>
        <source>Only the latest event of a patch can be corrected: event {fid} is followed by event {latest}; correct that one first.</source>
        <translation>只能更正图斑的最后一条流程记录：第 {fid} 条之后还有第 {latest} 条，请先更正后者。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="354"/>
        <source>The issue record of a patch cannot be corrected.</source>
        <translation>图斑的下发记录不能更正。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="356"/>
        <source>The patch is already {state}; there is nothing to correct.</source>
        <translation>图斑已处于“{state}”状态，无需更正。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="98"/>
        <source>Unknown patch fields in the field mapping: {names}.</source>
        <translation>字段对应关系中有未知的图斑字段：{names}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="102"/>
        <source>Unknown area unit {unit}.</source>
        <translation>未知的面积单位 {unit}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="278"/>
        <source>{file} has no .dbf attribute file.</source>
        <translation>{file} 缺少 .dbf 属性文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="286"/>
        <source>encoding {encoding} from {cpg}</source>
        <translation>编码 {encoding}（来自 {cpg}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="290"/>
        <source>{cpg} says {declared} but the text is not valid {declared}; read as {encoding}</source>
        <translation>{cpg} 声明为 {declared}，但文本不是有效的 {declared}；按 {encoding} 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="294"/>
        <source>no non-ASCII text; read as UTF-8</source>
        <translation>无非 ASCII 文本；按 UTF-8 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="296"/>
        <source>encoding {encoding} from the .dbf language driver</source>
        <translation>编码 {encoding}（来自 .dbf 语言驱动）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="301"/>
        <source>no .cpg file; the text reads as {encoding}</source>
        <translation>无 .cpg 文件；文本按 {encoding} 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="302"/>
        <source>no .cpg file and the text is neither UTF-8 nor GBK; read as GB18030, check the Chinese text</source>
        <translation>无 .cpg 文件，且文本既非 UTF-8 也非 GBK；按 GB18030 读取，请核对中文内容</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="125"/>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="340"/>
        <source>{file} has no layer {layer}.</source>
        <translation>{file} 中没有图层 {layer}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="344"/>
        <source>{file} holds no layer.</source>
        <translation>{file} 中没有图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="356"/>
        <source>{file} holds several layers ({names}); choose the one with the patches.</source>
        <translation>{file} 包含多个图层（{names}）；请选择图斑所在的图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="404"/>
        <source>The coordinate reference system of {file} is unknown (no .prj file or CRS definition). The patches cannot be placed: add the CRS to the file (e.g. with QGIS &apos;Assign projection&apos;) and import again.</source>
        <translation>{file} 的坐标参考系未知（无 .prj 文件或坐标系定义），图斑无法定位：请为文件指定坐标系（如使用 QGIS 的“指定投影”工具）后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="426"/>
        <source>{file} declares the geographic CRS {crs}, but its coordinates are not longitudes and latitudes (x {min_x:.0f}…{max_x:.0f}, y {min_y:.0f}…{max_y:.0f}). Its CRS declaration is wrong: assign the right projected CRS and import again.</source>
        <translation>{file} 声明为地理坐标系 {crs}，但其坐标不是经纬度（x {min_x:.0f}…{max_x:.0f}，y {min_y:.0f}…{max_y:.0f}）。坐标系声明有误：请指定正确的投影坐标系后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="449"/>
        <source>{file} is in {crs} (datum {datum}). Converting it to EPSG:{target} needs the local transformation parameters, which this plugin does not guess. Convert the file to CGCS2000 with the parameters from your surveying authority first.</source>
        <translation>{file} 采用 {crs}（基准 {datum}）。转换至 EPSG:{target} 需要本地转换参数，本插件不作推测。请先使用测绘主管部门提供的参数将文件转换为 CGCS2000。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="495"/>
        <source>The patches of {file} lie around longitude {lon:.3f}, latitude {lat:.3f}, outside the area where EPSG:{epsg} is used ({west:.1f}–{east:.1f}°E): check the CRS of the file and of the database.</source>
        <translation>{file} 中的图斑位于经度 {lon:.3f}、纬度 {lat:.3f} 附近，超出 EPSG:{epsg} 的适用范围（东经 {west:.1f}–{east:.1f}°）：请检查文件和数据库的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="980"/>
        <source>row {row} (patch {patch_no})</source>
        <translation>第 {row} 行（图斑 {patch_no}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="980"/>
        <source>row {row} (no patch number)</source>
        <translation>第 {row} 行（无图斑编号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/polygon_repair.py" line="99"/>
        <source>{where}: the geometry is empty; the patch is kept without one.</source>
        <translation>{where}：图形为空；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/polygon_repair.py" line="102"/>
        <source>{where}: the geometry is a {kind}, not a polygon; the patch is kept without geometry.</source>
        <translation>{where}：图形为 {kind}，不是面；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/polygon_repair.py" line="107"/>
        <source>{where}: parts that are not polygons were left out.</source>
        <translation>{where}：已舍弃非面部分。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/polygon_repair.py" line="111"/>
        <source>{where}: the geometry is invalid ({reason}) and has no area once repaired; kept without geometry.</source>
        <translation>{where}：图形无效（{reason}），修复后面积为零；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/polygon_repair.py" line="116"/>
        <source>{where}: self-intersecting or otherwise invalid geometry ({reason}) repaired.</source>
        <translation>{where}：已修复自相交或其他无效图形（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="121"/>
        <source>{file} does not exist.</source>
        <translation>{file} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="651"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="665"/>
        <source>{file} has no patch-number field (looked for {candidates}); its fields are: {fields}. Choose the patch-number field in the field mapping.</source>
        <translation>{file} 中没有图斑编号字段（已查找 {candidates}）；其字段为：{fields}。请在字段对应关系中指定图斑编号字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="986"/>
        <source>{where}: the patch number is missing.</source>
        <translation>{where}：缺少图斑编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="712"/>
        <source>{where}: the geometry cannot be read or reprojected ({reason}); kept without geometry.</source>
        <translation>{where}：无法读取或重投影图形（{reason}）；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="725"/>
        <source>{where}: {field} value {value} is not a date; left empty.</source>
        <translation>{where}：{field} 的值 {value} 不是日期，已留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="738"/>
        <source>{where}: year {value} is not a year; left empty.</source>
        <translation>{where}：年度 {value} 不是有效年份，已留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="743"/>
        <source>{where}: area {value} is not a number; the computed area is used.</source>
        <translation>{where}：面积 {value} 不是数值，改用计算面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="775"/>
        <source>Patch number {patch_no} occurs {count} times (rows {rows}).</source>
        <translation>图斑编号 {patch_no} 出现 {count} 次（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="812"/>
        <source>The declared areas ({field}) of {file} match the computed areas in no unit (m², 亩, ha, km²); read as m². Set the area unit in the field mapping.</source>
        <translation>{file} 的属性面积（{field}）与计算面积在任何单位（m²、亩、公顷、km²）下均不一致，按 m² 读取。请在字段对应关系中设置面积单位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="819"/>
        <source>The declared areas ({field}) of {file} are in {unit}; converted to m².</source>
        <translation>{file} 的属性面积（{field}）单位为 {unit}，已换算为 m²。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="832"/>
        <source>{where}: declared area {declared:.2f} m² differs from the computed {computed:.2f} m².</source>
        <translation>{where}：属性面积 {declared:.2f} m² 与计算面积 {computed:.2f} m² 不一致。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="232"/>
        <source>Licence {license_no}: excluded parcel {parcel_no} does not lie inside one licensed parcel, which the land coordinate exchange format cannot express; use the registration format.</source>
        <translation>许可证 {license_no}：扣除地块 {parcel_no} 不完全位于某一个登记地块内，土地坐标交换格式无法表达；请使用采矿权登记格式。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="368"/>
        <source>A corner table holds one coordinate system; these licences are in {crs}.</source>
        <translation>一个拐点坐标表只能采用一种坐标系；这些许可证的坐标系为 {crs}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="50"/>
        <source>warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="87"/>
        <source>the file states {file_datum} but EPSG:{epsg} ({crs_datum}) was given; the given CRS is used</source>
        <translation>文件声明为 {file_datum}，但指定了 EPSG:{epsg}（{crs_datum}）；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="94"/>
        <source>the eastings carry zone {zone} but EPSG:{epsg} is not that zone with a zone prefix</source>
        <translation>东坐标含带号 {zone}，但 EPSG:{epsg} 不是该带的含带号前缀坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="101"/>
        <source>EPSG:{epsg} expects eastings with a zone prefix but the file&apos;s eastings have none</source>
        <translation>EPSG:{epsg} 要求东坐标含带号前缀，但文件中的东坐标不含带号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="108"/>
        <source>the file states zone {zone} but EPSG:{epsg} is zone {crs_zone}; the given CRS is used</source>
        <translation>文件声明为第 {zone} 带，但 EPSG:{epsg} 为第 {crs_zone} 带；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="124"/>
        <source>unsupported coordinate system &apos;{name}&apos;: give the CRS explicitly</source>
        <translation>不支持的坐标系“{name}”：请明确指定坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="131"/>
        <source>the file does not state its coordinate system; CGCS2000 is assumed</source>
        <translation>文件未声明坐标系；按 CGCS2000 处理</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="136"/>
        <source>zone prefix {zone} is not a Chinese Gauss–Krüger zone</source>
        <translation>带号前缀 {zone} 不是我国的高斯-克吕格投影带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="139"/>
        <source>the file states {width}-degree zones but prefix {zone} is a {found}-degree zone</source>
        <translation>文件声明为 {width} 度带，但带号前缀 {zone} 属于 {found} 度带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="147"/>
        <source>zone {stated} was stated but the eastings carry zone {zone}; the eastings&apos; zone is used</source>
        <translation>声明为第 {stated} 带，但东坐标含带号 {zone}；采用东坐标中的带号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="164"/>
        <source>the eastings have no zone prefix and the file states no zone (带号): give the zone or the CRS</source>
        <translation>东坐标不含带号前缀，文件也未声明带号：请指定带号或坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="172"/>
        <source>zone {zone} is not a {width}-degree Gauss–Krüger zone of China</source>
        <translation>第 {zone} 带不是我国的 {width} 度高斯-克吕格投影带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="179"/>
        <source>no EPSG code for {width}-degree zone {zone}</source>
        <translation>{width} 度带第 {zone} 带没有对应的 EPSG 代码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="182"/>
        <source>coordinates are in {datum} (EPSG:{epsg}): they must be transformed to CGCS2000</source>
        <translation>坐标采用 {datum}（EPSG:{epsg}）：须转换为 CGCS2000</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="116"/>
        <source>cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="122"/>
        <source>the file is neither UTF-8 nor GBK/GB18030 text</source>
        <translation>文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="60"/>
        <source>old .xls workbooks are not read: save the table as .xlsx or .csv</source>
        <translation>不读取旧版 .xls 工作簿：请将表格另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="64"/>
        <source>not a recognised coordinate file (land exchange txt, registration txt or corner table)</source>
        <translation>不是可识别的坐标文件（土地坐标交换格式 txt、采矿权登记格式 txt 或拐点坐标表）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="94"/>
        <source>the coordinate system could not be determined</source>
        <translation>无法确定坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="48"/>
        <source>line ignored: {text}</source>
        <translation>已忽略该行：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="56"/>
        <source>corner line before any parcel header line</source>
        <translation>拐点行出现在所有地块标题行之前</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="65"/>
        <source>expected '点号,圈号,X,Y', found: {text}</source>
        <translation>应为“点号,圈号,X,Y”，实为：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="71"/>
        <source>point name &apos;{name}&apos; has no number; numbered {number}</source>
        <translation>点名“{name}”不含编号；编为 {number} 号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="77"/>
        <source>ring number (圈号) '{ring}' is not a positive integer</source>
        <translation>圈号“{ring}”不是正整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="85"/>
        <source>coordinates are not numbers: {text}</source>
        <translation>坐标不是数值：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="94"/>
        <source>no [地块坐标] section with parcels</source>
        <translation>缺少含地块的 [地块坐标] 节</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="98"/>
        <source>the file states no licence number (许可证号); the file name '{name}' is used</source>
        <translation>文件未注明许可证号；使用文件名“{name}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="117"/>
        <source>coordinate unit (计量单位) '{unit}' is not metres: only projected coordinates in metres are read</source>
        <translation>计量单位“{unit}”不是米：只读取以米为单位的投影坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="132"/>
        <source>corner count (界址点数) '{value}' is not an integer</source>
        <translation>界址点数“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="154"/>
        <source>geometry type '{kind}' is not a polygon (面)</source>
        <translation>图形类型“{kind}”不是面</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="56"/>
        <source>row count (总行数) '{value}' is not an integer</source>
        <translation>总行数“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="61"/>
        <source>XY line numbers jump from {previous} to {current}</source>
        <translation>XY 行号由 {previous} 跳至 {current}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="93"/>
        <source>parcel closing line without corners before it</source>
        <translation>地块结束行之前没有拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="98"/>
        <source>the last parcel has no closing line (标高上限,标高下限,,标识)</source>
        <translation>最后一个地块缺少结束行（标高上限,标高下限,,标识）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="100"/>
        <source>the row count line (矿区范围拐点坐标与标高的总行数) is missing</source>
        <translation>缺少总行数行（矿区范围拐点坐标与标高的总行数）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="102"/>
        <source>row count (总行数) is {declared} but the file has {given} XY lines (corner lines plus closing lines)</source>
        <translation>总行数为 {declared}，但文件中有 {given} 个 XY 行（拐点行加结束行）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="109"/>
        <source>no corner lines (XYnnn=点号,X,Y)</source>
        <translation>没有拐点行（XYnnn=点号,X,Y）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="112"/>
        <source>the licence number (许可证号) is missing</source>
        <translation>缺少许可证号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="171"/>
        <source>elevation &apos;{value}&apos; is not a number</source>
        <translation>标高“{value}”不是数值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="150"/>
        <source>top elevation {top} m is below bottom elevation {bottom} m</source>
        <translation>标高上限 {top} 米低于标高下限 {bottom} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="161"/>
        <source>unknown parcel flag &apos;{flag}&apos; (known: 1, 0 or empty = licensed parcel, -1 = excluded parcel); read as a licensed parcel</source>
        <translation>未知的地块标识“{flag}”（可用值：1、0 或空 = 登记地块，-1 = 扣除地块）；按登记地块读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="238"/>
        <source>unknown mining method &apos;{value}&apos;</source>
        <translation>未知的开采方式“{value}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="245"/>
        <source>validity '{value}' is not 'start至end'</source>
        <translation>有效期“{value}”不符合“起始日期至终止日期”格式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="259"/>
        <source>date &apos;{value}&apos; is not a date</source>
        <translation>日期“{value}”不是有效日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="261"/>
        <source>validity ends before it starts</source>
        <translation>有效期终止日期早于起始日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="75"/>
        <source>reading .xlsx needs the Python package openpyxl</source>
        <translation>读取 .xlsx 需要 Python 包 openpyxl</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="80"/>
        <source>cannot open the workbook: {error}</source>
        <translation>无法打开工作簿：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="106"/>
        <source>no header row with X and Y columns (X/北坐标, Y/东坐标) in the first 10 rows</source>
        <translation>前 10 行中没有含 X、Y 列（X/北坐标、Y/东坐标）的表头行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="113"/>
        <source>no licence number column (许可证号/license_no); the file name '{name}' is used</source>
        <translation>没有许可证号列（许可证号/license_no）；使用文件名“{name}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="175"/>
        <source>elevation {value} differs from {first} given earlier for this parcel</source>
        <translation>标高 {value} 与该地块前面给出的 {first} 不一致</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="211"/>
        <source>coordinates are not numbers: X={x}, Y={y}</source>
        <translation>坐标不是数值：X={x}，Y={y}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="234"/>
        <source>the table has no corner rows</source>
        <translation>表中没有拐点行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="238"/>
        <source>the table mixes {what} values: {values}</source>
        <translation>表中 {what} 取值不一致：{values}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="180"/>
        <source>X={x}, Y={y} is not a Gauss–Krüger coordinate in metres (X northing of 7 digits, Y easting of 6 digits or 8 with the zone)</source>
        <translation>X={x}，Y={y} 不是以米为单位的高斯-克吕格坐标（X 为 7 位北坐标，Y 为 6 位东坐标，含带号为 8 位）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="191"/>
        <source>X and Y are swapped on this line compared with the rest of the file</source>
        <translation>与文件其余各行相比，本行 X、Y 颠倒</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="201"/>
        <source>X and Y columns are swapped (X must be the northing, Y the easting); they were swapped back</source>
        <translation>X、Y 列颠倒（X 应为北坐标，Y 应为东坐标）；已调换回来</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="209"/>
        <source>no prefix</source>
        <translation>无带号前缀</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="211"/>
        <source>eastings mix zones or prefixes ({zones})</source>
        <translation>东坐标中带号或前缀不一致（{zones}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="240"/>
        <source>corner {number} repeats the coordinates of the corner before it ({previous})</source>
        <translation>拐点 {number} 与上一拐点坐标重复（{previous}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="251"/>
        <source>ring {ring} has {count} distinct corners; a ring needs at least 3</source>
        <translation>第 {ring} 圈只有 {count} 个不重复的拐点；每圈至少需要 3 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="283"/>
        <source>ring {ring} intersects itself: edge {a}–{b} meets edge {c}–{d} near X={x:.2f}, Y={y:.2f}</source>
        <translation>第 {ring} 圈自相交：边 {a}–{b} 与边 {c}–{d} 相交于 X={x:.2f}，Y={y:.2f} 附近</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="295"/>
        <source>ring {ring} intersects itself</source>
        <translation>第 {ring} 圈自相交</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="308"/>
        <source>the parcel has no outer ring (圈号 1)</source>
        <translation>地块没有外圈（圈号 1）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="320"/>
        <source>declared corner count (界址点数) is {declared} but the parcel has {given} corner lines</source>
        <translation>界址点数为 {declared}，但地块有 {given} 个拐点行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="335"/>
        <source>ring {ring} (a hole) is not inside the outer ring</source>
        <translation>第 {ring} 圈（内圈）不在外圈之内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="345"/>
        <source>holes {a} and {b} overlap by {area:.2f} m²</source>
        <translation>内圈 {a} 与内圈 {b} 重叠 {area:.2f} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="356"/>
        <source>invalid polygon: {reason}</source>
        <translation>无效多边形：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="415"/>
        <source>parcel areas (地块面积) are in {unit}, not in hectares (公顷) as the format specifies</source>
        <translation>地块面积的单位为 {unit}，而不是格式规定的公顷</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="208"/>
        <source>the file has no corners</source>
        <translation>文件中没有拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="234"/>
        <source>parcel number {number} is used twice in licence {licence}</source>
        <translation>许可证 {licence} 中地块编号 {number} 重复使用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="434"/>
        <source>parcels {a} and {b} of licence {licence} overlap by {area:.2f} m²</source>
        <translation>许可证 {licence} 的地块 {a} 与地块 {b} 重叠 {area:.2f} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="445"/>
        <source>excluded parcel is not inside the licensed parcels</source>
        <translation>扣除地块不在登记地块范围内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="188"/>
        <source>A reason is required for every workflow step and correction.</source>
        <translation>每次流程操作和更正都必须填写理由。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="181"/>
        <source>Unknown workflow state {state}.</source>
        <translation>未知的流程状态 {state}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="829"/>
        <source>There is no patch {patch_no} in the database.</source>
        <translation>数据库中没有图斑 {patch_no}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="773"/>
        <source>Not applied: other patches of the batch were refused.</source>
        <translation>未执行：本批次中有其他图斑未通过。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="822"/>
        <source>There is no workflow event {fid}.</source>
        <translation>不存在第 {fid} 条流程记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="873"/>
        <source>The CRS of the patches ({crs}) has no EPSG code; reproject them first.</source>
        <translation>图斑的坐标参考系（{crs}）没有 EPSG 代码；请先重投影。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="920"/>
        <source>{where}: {field} value {value} cannot be read.</source>
        <translation>{where}：{field} 的值 {value} 无法读取。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="963"/>
        <source>Unknown patch source {source}.</source>
        <translation>未知的图斑来源 {source}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="970"/>
        <source>Issued ({source})</source>
        <translation>下发（{source}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="1027"/>
        <source>Nothing was imported: these patch numbers are repeated in the batch or already stored: {numbers}.</source>
        <translation>未导入任何图斑：以下图斑编号在本批次中重复或已入库：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="1035"/>
        <source>Nothing was imported: the batch has problems to fix first.</source>
        <translation>未导入任何图斑：本批次存在须先修正的问题。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="205"/>
        <source>Draw patrol patch</source>
        <translation>绘制巡查图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="285"/>
        <source>Open a supervision database first: the drawn patch is stored in it.</source>
        <translation>请先打开监管数据库：绘制的图斑将存入该数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="81"/>
        <source>Violation patches</source>
        <translation>违法图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="74"/>
        <source>Licence or patch number</source>
        <translation>许可证号或图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="85"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="66"/>
        <source>State</source>
        <translation>流程状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="119"/>
        <source>Pre-judgment</source>
        <translation>预判结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="72"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="25"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="103"/>
        <source>Zone</source>
        <translation>监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="70"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="136"/>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="137"/>
        <source>Select the previous patch of the list and zoom to it</source>
        <translation>选中列表中的上一个图斑并缩放至该图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="138"/>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="139"/>
        <source>Select the next patch of the list and zoom to it</source>
        <translation>选中列表中的下一个图斑并缩放至该图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="140"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="141"/>
        <source>Zoom to the current patch and show its imagery</source>
        <translation>缩放至当前图斑并显示其影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="51"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="58"/>
        <source>Apply to selected…</source>
        <translation>应用于所选…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="59"/>
        <source>Move every selected patch to this state; refused ones are listed with reasons</source>
        <translation>将所选图斑全部转入该状态；不能转入的逐一列出原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39"/>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39"/>
        <source>Step</source>
        <translation>流程环节</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="75"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="50"/>
        <source>Correct last step…</source>
        <translation>更正最后一步…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="51"/>
        <source>Record a correction of the latest step as a new step; the history is never edited</source>
        <translation>以新记录更正最近一步；历史记录不会被修改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="129"/>
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="130"/>
        <source>History</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="155"/>
        <source>(not pre-judged)</source>
        <translation>（未预判）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="159"/>
        <source>(outside every zone)</source>
        <translation>（不在重点监测矿区内）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="166"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="231"/>
        <source>{shown} of {total} patches</source>
        <translation>共 {total} 个图斑，显示 {shown} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="239"/>
        <source>{position} / {count}</source>
        <translation>{position} / {count}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="241"/>
        <source>– / {count}</source>
        <translation>– / {count}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="316"/>
        <source>{count} selected</source>
        <translation>已选 {count} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="348"/>
        <source>No patch in the list.</source>
        <translation>列表中没有图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="356"/>
        <source>This is the last patch of the list.</source>
        <translation>已是列表中最后一个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="356"/>
        <source>This is the first patch of the list.</source>
        <translation>已是列表中第一个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="288"/>
        <source>Unsaved changes of the verification form of patch {patch_no} were discarded.</source>
        <translation>图斑 {patch_no} 核查表中未保存的修改已放弃。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="344"/>
        <source>No patch selected.</source>
        <translation>未选择图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="317"/>
        <source>Patch {patch_no}: {state}, {prejudgment}</source>
        <translation>图斑 {patch_no}：{state}，{prejudgment}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="117"/>
        <source>not pre-judged</source>
        <translation>未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="61"/>
        <source>Patch {patch_no} has no geometry to zoom to.</source>
        <translation>图斑 {patch_no} 没有图形，无法缩放。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="74"/>
        <source>The patch cannot be shown in the map&apos;s CRS: {error}</source>
        <translation>无法在地图坐标系中显示该图斑：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="115"/>
        <source>The imagery of patch {patch_no} could not be shown: {error}</source>
        <translation>无法显示图斑 {patch_no} 的影像：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="84"/>
        <source>The verification of patch {patch_no} was not saved: {error}</source>
        <translation>图斑 {patch_no} 的核查信息未保存：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="93"/>
        <source>Verification of patch {patch_no} saved.</source>
        <translation>图斑 {patch_no} 的核查信息已保存。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="114"/>
        <source>→ {state}</source>
        <translation>→ {state}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="115"/>
        <source>Move patch {patch_no} to {state}; the form&apos;s changes are saved with the step</source>
        <translation>将图斑 {patch_no} 转入“{state}”；核查表的修改随此步一并保存</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="124"/>
        <source>none (closed)</source>
        <translation>无（已销号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="142"/>
        <source>Workflow step</source>
        <translation>流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="142"/>
        <source>Move patch {patch_no} from {from_state} to {to_state}.</source>
        <translation>将图斑 {patch_no} 由“{from_state}”转入“{to_state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="170"/>
        <source>Patch {patch_no} was not moved: {error}</source>
        <translation>图斑 {patch_no} 未转入下一步：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="174"/>
        <source>Patch {patch_no} moved to {state}.</source>
        <translation>图斑 {patch_no} 已转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="192"/>
        <source>Select the patches to move first.</source>
        <translation>请先选择要操作的图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="200"/>
        <source>Workflow step for {count} patches</source>
        <translation>{count} 个图斑的流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="200"/>
        <source>Move the {count} selected patches to {state}. Patches that may not take this step are left as they are and listed.</source>
        <translation>将所选 {count} 个图斑转入“{state}”。不能转入的图斑保持原状并逐一列出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="219"/>
        <source>No patch was moved: {error}</source>
        <translation>没有图斑被转入下一步：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="229"/>
        <source>{count} patches moved to {state}.</source>
        <translation>{count} 个图斑已转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="234"/>
        <source>… and {count} more (see the message log).</source>
        <translation>……另有 {count} 个（见日志消息）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="235"/>
        <source>{done} patches moved to {state}, {refused} refused: {details}</source>
        <translation>{done} 个图斑已转入“{state}”，{refused} 个未通过：{details}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="238"/>
        <source>Refused moves to {state}:</source>
        <translation>未能转入“{state}”的图斑：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="245"/>
        <source>Patch {patch_no} was not saved: {reasons}</source>
        <translation>图斑 {patch_no} 未保存：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="247"/>
        <source>Patch {patch_no} cannot move to {state}: {reasons}</source>
        <translation>图斑 {patch_no} 不能转入“{state}”：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="116"/>
        <source>correction of #{fid}: {step}</source>
        <translation>更正第 #{fid} 条：{step}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="123"/>
        <source>Step #{fid}</source>
        <translation>第 #{fid} 条</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="125"/>
        <source>corrected by #{fid}</source>
        <translation>已由第 #{fid} 条更正</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="172"/>
        <source>The step was not corrected: {error}</source>
        <translation>未能更正：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="174"/>
        <source>Step #{fid} of patch {patch_no} corrected: now {state}.</source>
        <translation>图斑 {patch_no} 的第 #{fid} 条已更正，现为“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="90"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="91"/>
        <source>Set the field-check date to today</source>
        <translation>将核查日期设为今天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="98"/>
        <source>Names of the inspectors, separated by commas</source>
        <translation>核查人员姓名，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="100"/>
        <source>What the field check found</source>
        <translation>实地核查情况</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="113"/>
        <source>Evidence: documents, measurements, statements</source>
        <translation>证据材料：文书、测量、询问笔录等</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="116"/>
        <source>Needed to file a case</source>
        <translation>立案时必填</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="122"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="123"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="124"/>
        <source>Remove photos not saved yet; saved photos stay in the record</source>
        <translation>移除尚未保存的照片；已保存的照片保留在记录中</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="134"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="135"/>
        <source>Save the form without a workflow step</source>
        <translation>只保存核查表，不进行流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="136"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="145"/>
        <source>Field-check date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="93"/>
        <source>Inspectors</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="89"/>
        <source>Finding</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="93"/>
        <source>Determination</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="94"/>
        <source>Violation type</source>
        <translation>违法类型</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="90"/>
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="91"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="152"/>
        <source>Notice number</source>
        <translation>整改通知书文号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="146"/>
        <source>Photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="197"/>
        <source>Fixed once the patch is determined: correct the determination step to change it.</source>
        <translation>图斑判定后不可直接修改：如需更改，请更正判定环节。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="303"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="303"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="305"/>
        <source>Photos of the field check</source>
        <translation>实地核查照片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="346"/>
        <source>Unsaved changes.</source>
        <translation>有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="380"/>
        <source>Field verification of patch {patch_no}</source>
        <translation>图斑 {patch_no} 实地核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="438"/>
        <source>Why this step is taken (required)</source>
        <translation>本步操作的理由（必填）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="525"/>
        <source>Rectification and penalty are completed</source>
        <translation>整改和处罚均已完成</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="496"/>
        <source>Correct the last step of patch {patch_no}</source>
        <translation>更正图斑 {patch_no} 的最后一步</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="500"/>
        <source>Step {fid}: {from_state} → {to_state}, by {user} at {time}. Reason: {reason}</source>
        <translation>第 {fid} 条：{from_state} → {to_state}，操作人 {user}，时间 {time}。理由：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="512"/>
        <source>The step stays in the history; the correction is recorded as a new step.</source>
        <translation>原记录保留在流程记录中；更正作为一条新记录写入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="520"/>
        <source>{state} (undo the step)</source>
        <translation>{state}（撤销此步）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="523"/>
        <source>Why the step is corrected (required)</source>
        <translation>更正理由（必填）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="530"/>
        <source>Go to state</source>
        <translation>更正为状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="191"/>
        <source>Licence no</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="191"/>
        <source>Mine</source>
        <translation>矿山名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="97"/>
        <source>Holder</source>
        <translation>采矿权人</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="98"/>
        <source>Mineral</source>
        <translation>开采矿种</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="99"/>
        <source>Method</source>
        <translation>开采方式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="72"/>
        <source>Status</source>
        <translation>生产状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="101"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="102"/>
        <source>Credit status</source>
        <translation>信用状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="71"/>
        <source>Monitoring zone</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="171"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="738"/>
        <source>Expired {days} days ago</source>
        <translation>已过期 {days} 天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="740"/>
        <source>Expires in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="132"/>
        <source>Tianditu imagery</source>
        <translation>天地图影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="132"/>
        <source>Tianditu labels</source>
        <translation>天地图注记</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="193"/>
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="203"/>
        <source>temporal properties</source>
        <translation>时间属性</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="207"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="209"/>
        <source>TIFF tag</source>
        <translation>TIFF 标签</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="277"/>
        <source>Before / after imagery</source>
        <translation>前后时相影像对比</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="543"/>
        <source>Before</source>
        <translation>前时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="543"/>
        <source>After</source>
        <translation>后时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="313"/>
        <source>Follow the main map</source>
        <translation>跟随主地图</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="315"/>
        <source>Swipe</source>
        <translation>卷帘</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="316"/>
        <source>Add Tianditu basemap</source>
        <translation>添加天地图底图</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="317"/>
        <source>Adds Tianditu (天地图) imagery as an XYZ layer with your key. The key is kept in the QGIS settings and is part of the layer's source while the project is open; it is left out of saved project files.</source>
        <translation>以 XYZ 图层方式添加天地图影像，使用您的密钥（key）。密钥保存在 QGIS 设置中，项目打开期间包含在图层数据源中；保存项目文件时不写入密钥。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="546"/>
        <source>patch {date}</source>
        <translation>图斑日期 {date}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="546"/>
        <source>patch date unknown</source>
        <translation>图斑日期未知</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="549"/>
        <source>no imagery chosen</source>
        <translation>未选择影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="551"/>
        <source>imagery {date} ({origin})</source>
        <translation>影像日期 {date}（取自{origin}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="553"/>
        <source>imagery date unknown ({layer})</source>
        <translation>影像日期未知（{layer}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="558"/>
        <source>The imagery is more than a month away from the patch&apos;s date.</source>
        <translation>影像日期与图斑日期相差超过一个月。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="717"/>
        <source>Tianditu key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="717"/>
        <source>Your Tianditu (天地图) key (apply for one at console.tianditu.gov.cn). It is kept in the QGIS settings:</source>
        <translation>请输入天地图密钥（key，可在 console.tianditu.gov.cn 申请）。密钥将保存在 QGIS 设置中：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="728"/>
        <source>A Tianditu key is 32 hexadecimal characters; {key} is not one.</source>
        <translation>天地图密钥为 32 位十六进制字符；{key} 不符合要求。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="733"/>
        <source>The Tianditu layer could not be created.</source>
        <translation>无法创建天地图图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="738"/>
        <source>Tianditu imagery added. Your key is in the layer&apos;s source while the project is open; it is replaced by a placeholder when the project is saved and restored from your settings when it is opened.</source>
        <translation>已添加天地图影像。项目打开期间，您的密钥包含在图层数据源中；保存项目时密钥替换为占位符，打开项目时再从您的设置中恢复。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="777"/>
        <source>Layer {layer} needs your Tianditu key; add the basemap again to enter it.</source>
        <translation>图层 {layer} 需要您的天地图密钥；请重新添加底图以输入密钥。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="65"/>
        <source>Patch no.</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="68"/>
        <source>Area (m²)</source>
        <translation>面积(m²)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="69"/>
        <source>Area (mu)</source>
        <translation>面积(亩)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="74"/>
        <source>Before imagery</source>
        <translation>前时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="75"/>
        <source>After imagery</source>
        <translation>后时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="62"/>
        <source>New patrol patch</source>
        <translation>新建巡查图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="118"/>
        <source>Patch number</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="129"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="74"/>
        <source>After-imagery date (seen on)</source>
        <translation>后时相日期（发现日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="84"/>
        <source>Before-imagery date</source>
        <translation>前时相日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="86"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="111"/>
        <source>Pre-judgment of patch {patch_no}</source>
        <translation>图斑 {patch_no} 预判结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="130"/>
        <source>Inside licences</source>
        <translation>许可证范围内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="131"/>
        <source>Outside licences</source>
        <translation>许可证范围外</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="138"/>
        <source>valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="142"/>
        <source>Licences touched</source>
        <translation>涉及许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey_findings.py" line="95"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="146"/>
        <source>Key monitoring zone</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="147"/>
        <source>Changed in earlier years</source>
        <translation>以往年度变化</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="148"/>
        <source>Imagery dates</source>
        <translation>影像日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="166"/>
        <source>{m2} m² ({mu} mu)</source>
        <translation>{m2} m²（{mu} 亩）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="385"/>
        <source>A patch needs at least three vertices; keep clicking, or press Esc to cancel.</source>
        <translation>图斑至少需要三个顶点；请继续单击，或按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="396"/>
        <source>No supervision database is open; open one before drawing patches.</source>
        <translation>未打开监管数据库；请先打开数据库再绘制图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="425"/>
        <source>The drawn patch was not stored.</source>
        <translation>所绘图斑未保存。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="437"/>
        <source>The patch could not be stored: {reason}</source>
        <translation>无法保存图斑：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="443"/>
        <source>The drawn outline crossed itself; it was repaired (make_valid) before storing. {notes}</source>
        <translation>所绘边界自相交，入库前已修复（make_valid）。{notes}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="188"/>
        <source>Mining rights</source>
        <translation>采矿权</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="234"/>
        <source>Search licence no, mine or holder…</source>
        <translation>搜索许可证号、矿山名称或采矿权人…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="240"/>
        <source>Zoom to the selected licences</source>
        <translation>缩放至所选许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="249"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="253"/>
        <source>All methods</source>
        <translation>全部开采方式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="536"/>
        <source>All minerals</source>
        <translation>全部矿种</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="261"/>
        <source>Any validity</source>
        <translation>不限有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="389"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="263"/>
        <source>Expiring within</source>
        <translation>剩余有效期不足</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="264"/>
        <source>Expired or expiring within</source>
        <translation>已过期或剩余有效期不足</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="268"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="270"/>
        <source>In a monitoring zone</source>
        <translation>位于重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="271"/>
        <source>On the abnormal list</source>
        <translation>列入异常名录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="272"/>
        <source>Credit status: abnormal list or serious dishonesty list</source>
        <translation>信用状态：异常名录或严重违法失信名单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="363"/>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="363"/>
        <source>Corner no</source>
        <translation>拐点号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="363"/>
        <source>X (northing)</source>
        <translation>X（北坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="363"/>
        <source>Y (easting)</source>
        <translation>Y（东坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="372"/>
        <source>Double-click a corner to centre the map on it</source>
        <translation>双击拐点可将地图中心移至该点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="390"/>
        <source>Expires within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="574"/>
        <source>No supervision database is open.</source>
        <translation>未打开监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="576"/>
        <source>{shown} of {total} licences</source>
        <translation>共 {total} 个许可证，显示 {shown} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="671"/>
        <source>This licence has no boundary to zoom to.</source>
        <translation>该许可证没有可缩放的范围边界。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="720"/>
        <source>Select a licence to see its corners and linked records.</source>
        <translation>选择许可证以查看其拐点和关联记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="731"/>
        <source>({count} selected)</source>
        <translation>（已选 {count} 个）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="733"/>
        <source>Holder: {holder}</source>
        <translation>采矿权人：{holder}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="736"/>
        <source>Validity: {validity}</source>
        <translation>有效期：{validity}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="742"/>
        <source>Monitoring zone: {zones}</source>
        <translation>重点监测矿区：{zones}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="758"/>
        <source>Inspections: {count}</source>
        <translation>巡查核查：{count} 次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="760"/>
        <source>Patches: {count}</source>
        <translation>图斑：{count} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="761"/>
        <source>Notices: {count}</source>
        <translation>整改通知书：{count} 份</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="806"/>
        <source>(excluded)</source>
        <translation>（扣除地块）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="808"/>
        <source>Depth range: not recorded</source>
        <translation>开采标高：未记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="829"/>
        <source>{parcel} (ring {ring})</source>
        <translation>{parcel}（第 {ring} 圈）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="295"/>
        <source>{path} is in EPSG:{epsg} ({other}) while the output is in EPSG:{first} ({datum}); files on different datums are not mixed in one layer. Import it separately.</source>
        <translation>{path} 的坐标系为 EPSG:{epsg}（{other}），而输出为 EPSG:{first}（{datum}）；不同基准的文件不混入同一图层。请单独导入该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="89"/>
        <source>Pre-judge suspect patches</source>
        <translation>疑似违法图斑预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="92"/>
        <source>For every patch, against the mining licences valid on its after-imagery date: the area inside and outside the licences, and the pre-judgment: suspected unlicensed mining (inside &lt; tolerance), out-of-bounds mining (outside &gt;= tolerance), mining on an expired licence (the part not covered by a licence valid on that date &gt;= tolerance) or within licence. Also the licences touched, the key monitoring zone holding the largest share, the years of earlier patches it overlaps and, when penalty cases are given, the penalties in the two years before (two or more: transfer to the judiciary). Areas are planar in the Gauss-Kruger zone; geographic data are projected to the zone of their centre. Every input patch is in the output; repaired, empty or undated patches are named in the log and in the prejudge_note field.</source>
        <translation>对每个图斑，以其后时相日期有效的采矿许可证为依据，计算许可证范围内和范围外的面积并给出预判结果：疑似无证开采（范围内面积 &lt; 容差）、疑似越界开采（范围外面积 &gt;= 容差）、疑似证照过期开采（未被该日期有效的许可证覆盖的部分 &gt;= 容差）或证内。同时给出涉及的许可证、所占面积最大的重点监测矿区、与之重叠的往年图斑的年度，以及在提供行政处罚案件时，此前两年内的行政处罚次数（两次及以上：移送司法机关）。面积按高斯-克吕格投影带内的平面面积计算；地理坐标数据投影至其中心所在的投影带。每个输入图斑都会输出；经修复、图形为空或缺少日期的图斑会在日志和 prejudge_note 字段中注明。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="106"/>
        <source>Suspect patches</source>
        <translation>疑似违法图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="107"/>
        <source>Mining licences (license_no, valid_from, valid_to)</source>
        <translation>采矿许可证（license_no、valid_from、valid_to）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="112"/>
        <source>Key monitoring zones (name, level)</source>
        <translation>重点监测矿区（name、level）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="117"/>
        <source>Earlier patches (year or date)</source>
        <translation>往年图斑（年度或日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="122"/>
        <source>Administrative penalty cases (penalty_date, license_no and/or holder)</source>
        <translation>行政处罚案件（penalty_date、license_no 和/或 holder）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="130"/>
        <source>After-imagery date field</source>
        <translation>后时相日期字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="27"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（m²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="72"/>
        <source>Pre-judged patches</source>
        <translation>预判后的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="82"/>
        <source>The licence layer lacks required fields: {fields}</source>
        <translation>许可证图层缺少必需字段：{fields}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="186"/>
        <source>Reading patches and licences</source>
        <translation>正在读取图斑和许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="170"/>
        <source>fid {fid}</source>
        <translation>fid {fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="225"/>
        <source>Pre-judging {count} patches</source>
        <translation>正在预判 {count} 个图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="249"/>
        <source>Writing the pre-judged patches</source>
        <translation>正在写出预判后的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="227"/>
        <source>Writing through QGIS instead: {error}</source>
        <translation>改为通过 QGIS 写出：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="340"/>
        <source>The patch layer has no coordinate reference system: set it and run again.</source>
        <translation>图斑图层没有坐标参考系：请设置后重新运行。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="345"/>
        <source>The patch layer&apos;s CRS {crs} is not in metres: areas are in its units squared.</source>
        <translation>图斑图层的坐标系 {crs} 不以米为单位：面积单位为其坐标单位的平方。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="93"/>
        <source>The patches are in {crs}, not CGCS2000: check the datum of the data.</source>
        <translation>图斑的坐标系为 {crs}，不是 CGCS2000：请检查数据的大地基准。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="96"/>
        <source>Geographic coordinates projected to {crs} to measure areas.</source>
        <translation>地理坐标已投影至 {crs} 以量算面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="131"/>
        <source>The monitoring zone layer lacks the field name (or zone_name).</source>
        <translation>重点监测矿区图层缺少 name（或 zone_name）字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="143"/>
        <source>The earlier patches lack a year field (or a date field to take it from).</source>
        <translation>往年图斑缺少年度字段（或可从中取得年度的日期字段）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="151"/>
        <source>The penalty cases need a penalty_date field and a license_no or holder field.</source>
        <translation>行政处罚案件需要 penalty_date 字段，以及 license_no 或 holder 字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="528"/>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="47"/>
        <source>{label}: {count} patches</source>
        <translation>{label}：{count} 个图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="49"/>
        <source>Move patches in the workflow</source>
        <translation>图斑流程流转</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="65"/>
        <source>Patch numbers (comma-separated)</source>
        <translation>图斑编号（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="68"/>
        <source>New state</source>
        <translation>目标状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="76"/>
        <source>Rectification and penalty completed</source>
        <translation>整改和处罚已完成</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="81"/>
        <source>All or nothing (move none when one is refused)</source>
        <translation>全部或全不（有一个未通过则均不流转）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="87"/>
        <source>Field-check date (YYYY-MM-DD)</source>
        <translation>核查日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="92"/>
        <source>Rectification notice number</source>
        <translation>整改通知书文号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="100"/>
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="109"/>
        <source>Patches moved</source>
        <translation>已流转的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="110"/>
        <source>Number of patches moved</source>
        <translation>已流转图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="111"/>
        <source>Refused patches and reasons (JSON)</source>
        <translation>未通过的图斑及原因（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="112"/>
        <source>Number of patches refused</source>
        <translation>未通过图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="117"/>
        <source>No patch numbers were given.</source>
        <translation>未提供图斑编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="144"/>
        <source>{patch_no} refused: {reasons}</source>
        <translation>{patch_no} 未通过：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="147"/>
        <source>{done} of {total} patches moved to {state}.</source>
        <translation>{total} 个图斑中已有 {done} 个转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="154"/>
        <source>No patch was moved; see the reasons above.</source>
        <translation>没有图斑被流转；原因见上文。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="55"/>
        <source>Import patch batch</source>
        <translation>导入图斑批次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="58"/>
        <source>Imports suspect patches (satellite enforcement batch, patrol, tip-off or assigned) from a shapefile, GeoPackage or GeoJSON into the supervision database, each in state &apos;issued&apos; with its first workflow event. The text encoding of shapefiles is detected (.cpg, else UTF-8 / GBK), the usual field names (TBBH/JCBH/BH, XZQDM, QSX, HSX, JCMJ, TBLX/BZ and their Chinese names) are mapped, and the patches are reprojected to the database CRS. A file without a CRS is refused. Invalid geometries are repaired and reported; the import is refused as a whole when patch numbers are missing or already used.
MAPPING (optional) is a JSON field mapping, e.g. {&quot;fields&quot;: {&quot;patch_no&quot;: &quot;WPBH&quot;}, &quot;area_unit&quot;: &quot;mu&quot;}; without it the mapping saved in the plugin settings is used.</source>
        <translation>从 shapefile、GeoPackage 或 GeoJSON 文件将疑似违法图斑（卫片执法批次、巡查、举报或上级交办）导入监管数据库，每个图斑的状态为“下发”，并写入第一条流程记录。自动识别 shapefile 的文本编码（依据 .cpg，否则为 UTF-8 / GBK），自动对应常用字段名（TBBH/JCBH/BH、XZQDM、QSX、HSX、JCMJ、TBLX/BZ 及其中文名称），并将图斑重投影至数据库坐标系。没有坐标系的文件予以拒收。无效图形会被修复并报告；图斑编号缺失或已被使用时，整批拒绝导入。
MAPPING（可选）为 JSON 格式的字段对应关系，例如 {&quot;fields&quot;: {&quot;patch_no&quot;: &quot;WPBH&quot;}, &quot;area_unit&quot;: &quot;mu&quot;}；未提供时使用插件设置中保存的对应关系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="70"/>
        <source>Patch batch</source>
        <translation>图斑批次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="70"/>
        <source>Vector files (*.shp *.gpkg *.geojson *.json)</source>
        <translation>矢量文件 (*.shp *.gpkg *.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="78"/>
        <source>Layer inside the file (GeoPackage)</source>
        <translation>文件中的图层（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="82"/>
        <source>Patch source</source>
        <translation>图斑来源</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="90"/>
        <source>Year (default: the file&apos;s year field, else the after-imagery year)</source>
        <translation>年度（默认：取文件中的年度字段，否则取后时相年份）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="100"/>
        <source>Batch name</source>
        <translation>批次名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="101"/>
        <source>Field mapping (JSON)</source>
        <translation>字段对应关系（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="105"/>
        <source>Unit of the declared area (default: as in the field mapping)</source>
        <translation>属性面积单位（默认：按字段对应关系）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="113"/>
        <source>Imported patches</source>
        <translation>已导入的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="116"/>
        <source>Number of patches imported</source>
        <translation>已导入图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="130"/>
        <source>The field mapping cannot be read: {reason}</source>
        <translation>无法读取字段对应关系：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="140"/>
        <source>{file}: {count} patches, {crs}, {encoding}.</source>
        <translation>{file}：{count} 个图斑，{crs}，{encoding}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="145"/>
        <source>Fields used: {mapping}</source>
        <translation>使用的字段：{mapping}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="154"/>
        <source>Imported from {file}</source>
        <translation>导入自 {file}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="184"/>
        <source>{count} patches imported into {database}.</source>
        <translation>已向 {database} 导入 {count} 个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="331"/>
        <source>Licence {license_no}: excluded parcel {parcel_no} has holes, which the registration format cannot express.</source>
        <translation>许可证 {license_no}：扣除地块 {parcel_no} 含有内圈，采矿权登记格式无法表达。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="80"/>
        <source>the file states coordinate system &apos;{name}&apos;; EPSG:{epsg} was given and is used</source>
        <translation>文件声明的坐标系为“{name}”；已指定 EPSG:{epsg}，采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="228"/>
        <source>ring {ring} does not close: corner {number} repeats the first corner&apos;s number but not its coordinates (X={x:.2f}, Y={y:.2f} against X={x0:.2f}, Y={y0:.2f})</source>
        <translation>第 {ring} 圈未闭合：拐点 {number} 与首个拐点编号相同但坐标不同（X={x:.2f}，Y={y:.2f}；首个拐点 X={x0:.2f}，Y={y0:.2f}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="185"/>
        <source>Licence {license_no} uses a parcel number twice ({numbers}).</source>
        <translation>许可证 {license_no} 中有重复的地块编号（{numbers}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="117"/>
        <source>Patch {patch_no}: {prejudgment}; inside licences {inside} m², outside {outside} m².</source>
        <translation>图斑 {patch_no}：{prejudgment}；许可证范围内 {inside} m²，范围外 {outside} m²。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="124"/>
        <source>Licences: {licences}.</source>
        <translation>涉及许可证：{licences}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="126"/>
        <source>Monitoring zone: {zone} ({level}).</source>
        <translation>重点监测矿区：{zone}（{level}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="128"/>
        <source>Also changed in: {years}.</source>
        <translation>以往变化年度：{years}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="172"/>
        <source>{path} cannot be opened.</source>
        <translation>无法打开 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="178"/>
        <source>The database has no table {table}.</source>
        <translation>数据库中没有 {table} 表。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="218"/>
        <source>Patch {patch_no}</source>
        <translation>图斑 {patch_no}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="218"/>
        <source>The drawn patch</source>
        <translation>所绘图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="220"/>
        <source>{where}: the geometry is empty.</source>
        <translation>{where}：图形为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="224"/>
        <source>{where}: the geometry has no area.</source>
        <translation>{where}：图形面积为零。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="402"/>
        <source>The after-imagery date cannot be read.</source>
        <translation>无法读取后时相日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="424"/>
        <source>Drawn on patrol</source>
        <translation>巡查中绘制</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/crs.py" line="182"/>
        <source>Longitude {lon} lies outside the CGCS2000 Gauss-Kruger zones 25-45 of China.</source>
        <translation>经度 {lon} 超出我国 CGCS2000 高斯-克吕格投影带（第 25–45 带）范围。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="71"/>
        <source>{names} and {more} more</source>
        <translation>{names}，另有 {more} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/core.py" line="71"/>
        <source>The tolerance must not be negative.</source>
        <translation>容差不能为负数。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>Invalid geometry repaired (make_valid) for patches: {names}</source>
        <translation>已修复以下图斑的无效图形（make_valid）：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>geometry repaired</source>
        <translation>图形已修复</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>Empty geometry, not pre-judged, for patches: {names}</source>
        <translation>以下图斑图形为空，未预判：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>empty geometry: not pre-judged</source>
        <translation>图形为空：未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>Geometry without any area, not pre-judged, for patches: {names}</source>
        <translation>以下图斑图形面积为零，未预判：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130"/>
        <source>geometry has no area: not pre-judged</source>
        <translation>图形面积为零：未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="153"/>
        <source>Unreadable {field} for patches: {names}</source>
        <translation>以下图斑的 {field} 无法读取：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="160"/>
        <source>The patches have no {field} field: licence validity was not checked.</source>
        <translation>图斑没有 {field} 字段：未检查许可证有效期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="164"/>
        <source>No {field} for patches {names}: licence validity not checked (they cannot be &apos;expired_licence&apos;).</source>
        <translation>图斑 {names} 缺少 {field}：未检查许可证有效期（不会预判为“expired_licence”）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="170"/>
        <source>no imagery date: licence validity not checked</source>
        <translation>无影像日期：未检查许可证有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="202"/>
        <source>(row {row})</source>
        <translation>（第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="204"/>
        <source>{count} licence polygons have no license_no.</source>
        <translation>{count} 个许可证多边形缺少 license_no。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="209"/>
        <source>Unreadable validity dates, taken as open, for licences: {names}</source>
        <translation>以下许可证的有效期日期无法读取，按不限期处理：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="217"/>
        <source>Licences with an empty valid_from or valid_to, taken as open on that side: {names}</source>
        <translation>以下许可证的 valid_from 或 valid_to 为空，该端按不限期处理：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="228"/>
        <source>Invalid licence geometry repaired (make_valid): {names}</source>
        <translation>已修复以下许可证的无效图形（make_valid）：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="234"/>
        <source>Licences without usable geometry, ignored: {names}</source>
        <translation>以下许可证没有可用的图形，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="103"/>
        <source>Unknown zone levels kept as written: {names}</source>
        <translation>以下重点监测矿区级别无法识别，按原值保留：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="106"/>
        <source>Monitoring zones without usable geometry, ignored: {names}</source>
        <translation>以下重点监测矿区没有可用的图形，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="127"/>
        <source>{count} earlier patches have no year and were not used.</source>
        <translation>{count} 个往年图斑没有年度，未使用。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="167"/>
        <source>{count} penalty cases have no readable penalty date and were not counted.</source>
        <translation>{count} 个行政处罚案件没有可读取的处罚日期，未计入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/crs.py" line="225"/>
        <source>Geographic data need their extent to choose a Gauss-Kruger zone.</source>
        <translation>地理坐标数据需要其范围才能选择高斯-克吕格投影带。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="85"/>
        <source>The patches have no CRS: taken to be that of the licences.</source>
        <translation>图斑没有坐标系：按许可证的坐标系处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="103"/>
        <source>{layer} has no CRS: taken to be that of the patches.</source>
        <translation>{layer} 没有坐标系：按图斑的坐标系处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="212"/>
        <source>Pre-judge all patches of the database</source>
        <translation>预判数据库中的全部图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="16"/>
        <source>Pre-judging the patches of the supervision database</source>
        <translation>正在预判监管数据库中的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="37"/>
        <source>Pre-judgment failed: {reason}</source>
        <translation>预判失败：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="39"/>
        <source>Pre-judgment cancelled; nothing was stored.</source>
        <translation>预判已取消，未保存任何结果。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="44"/>
        <source>{count} patches pre-judged: {counts}.</source>
        <translation>已预判 {count} 个图斑：{counts}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="55"/>
        <source>Open a supervision database first.</source>
        <translation>请先打开监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="15"/>
        <source>Pre-judge the patches of a database</source>
        <translation>预判监管数据库中的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="18"/>
        <source>Pre-judges every patch stored in a supervision database against its licences (validity on the patch&apos;s after-imagery date), the key monitoring zone list in force in the patch&apos;s year and the earlier years&apos; patches, and stores the answers in the patches table in one transaction. To pre-judge layers without a database, use &apos;Pre-judge suspect patches&apos;.</source>
        <translation>对监管数据库中的每个图斑，对照采矿许可证（按图斑后时相日期核对有效期）、图斑所在年度有效的重点监测矿区名录以及往年图斑进行预判，并在一个事务中将结果写入图斑表。不使用数据库、直接预判图层时，请用“疑似违法图斑预判”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="32"/>
        <source>Patches pre-judged</source>
        <translation>已预判图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="67"/>
        <source>{path} cannot be read.</source>
        <translation>无法读取 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="70"/>
        <source>{path} has no layer {layer}.</source>
        <translation>{path} 中没有图层 {layer}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="81"/>
        <source>{path} has no coordinate reference system.</source>
        <translation>{path} 没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="97"/>
        <source>{path}, row {row}: {field} value {value} cannot be read ({reason}).</source>
        <translation>{path} 第 {row} 行：{field} 的值 {value} 无法识别（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="105"/>
        <source>{path}, row {row}: {value} is not a known value of {field}.</source>
        <translation>{path} 第 {row} 行：{value} 不是 {field} 的有效取值。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="112"/>
        <source>{path}, row {row}: the required field {field} is empty.</source>
        <translation>{path} 第 {row} 行：必填字段 {field} 为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="193"/>
        <source>No patch with a geometry was found to pre-judge.</source>
        <translation>没有找到带几何图形的图斑可供预判。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="198"/>
        <source>Import licence coordinates…</source>
        <translation>导入采矿权拐点坐标…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="201"/>
        <source>Import patch batch…</source>
        <translation>导入图斑批次…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="217"/>
        <source>Remarks: {remarks}</source>
        <translation>备注：{remarks}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="222"/>
        <source>Inside licences not valid on the imagery date: {area} m²</source>
        <translation>证内但许可证在后时相日期不在有效期内：{area} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="103"/>
        <source>Photo {photo} of patch {patch_no} has no GPS position: it is not placed on the map.</source>
        <translation>图斑{patch_no}的照片{photo}没有GPS位置，未能在地图上标出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="109"/>
        <source>Photo {photo} was taken {distance} m from patch {patch_no}.</source>
        <translation>照片{photo}的拍摄位置距图斑{patch_no} {distance} 米。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="115"/>
        <source>Photo {photo} was taken on {taken}, before the after-imagery date {date} of patch {patch_no}.</source>
        <translation>照片{photo}拍摄于{taken}，早于图斑{patch_no}的后时相日期{date}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="585"/>
        <source>This needs QGIS's Processing plugin: enable it in Plugins › Manage and Install Plugins.</source>
        <translation>此功能需要 QGIS 的“处理”（Processing）插件：请在“插件 › 管理并安装插件”中启用它。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="460"/>
        <source>A patch with a case is closed only when rectification and penalty are completed.</source>
        <translation>已立案的图斑须整改和处罚均已完成方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="72"/>
        <source>Reads licence boundaries from corner-coordinate files: land coordinate exchange txt, mining-right registration txt, CSV or XLSX corner tables. INPUT is one file or a folder (type or paste the folder path; the .txt, .csv and .xlsx files in it and its subfolders are read).

The coordinate reference system is detected from the file (zone prefix, 带号 header); give CRS only when the file does not say it. Every file goes through the ministry's coordinate checks. A single file that fails them makes the algorithm fail with the checks' messages. In a folder, refused files are reported one by one and the good files are imported; the algorithm fails only when no file could be imported.

OUTPUT has one polygon per parcel, in the CRS of the first CGCS2000 file (else of the first file); files of the same datum in another zone are reprojected to it, files on another datum (Xi'an 1980, Beijing 1954 next to CGCS2000) are refused, since no exact transformation exists without local parameters.

A licence found in two files of one import is imported once when the copies are identical; when they differ it is not imported and both files are named.

With a supervision DATABASE, the licences are also stored there in one transaction (created, or updated with the previous boundary kept in history). A refused import leaves the database and the output as they were.</source>
        <translation>从拐点坐标文件读取采矿权范围：土地坐标交换格式 txt、采矿权登记 txt、CSV 或 XLSX 拐点表。INPUT 为一个文件或一个文件夹（输入或粘贴文件夹路径；读取其中及子文件夹中的 .txt、.csv 和 .xlsx 文件）。

坐标参考系从文件中识别（带号前缀、“带号”表头）；仅当文件未写明时才需指定 CRS。每个文件都经过部里的坐标检查。单个文件未通过检查时，算法失败并给出检查信息。文件夹中被拒绝的文件逐一报告，合格文件照常导入；只有没有任何文件能导入时算法才失败。

OUTPUT 每个地块一个面，坐标系为第一个 CGCS2000 文件的坐标系（否则为第一个文件的）；同一基准其他带的文件重投影到该坐标系，其他基准的文件（与 CGCS2000 并存的西安 1980、北京 1954）被拒绝，因为没有本地参数就没有精确的转换。

同一次导入中两个文件含同一采矿权：两份相同则只导入一次；不同则不导入，并列出两个文件。

指定监管数据库 DATABASE 时，采矿权也在一个事务中存入数据库（新建，或更新并把原范围保存在历史中）。被拒绝的导入不改变数据库和输出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="340"/>
        <source>Licence {license_no}, parcel {parcel_no} could not be written to the output.</source>
        <translation>采矿权 {license_no} 的地块 {parcel_no} 无法写入输出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="296"/>
        <source>The output {output} is the input {parameter} ({layer}): writing it would destroy that input. Choose another output file.</source>
        <translation>输出 {output} 就是输入 {parameter}（{layer}）：写入会毁掉该输入。请另选输出文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="317"/>
        <source>Its coordinates look like longitudes and latitudes (e.g. EPSG:4490, CGCS2000); check the datum before assigning it.</source>
        <translation>其坐标看起来是经纬度（如 EPSG:4490，CGCS2000）；指定前请核实基准。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="322"/>
        <source>Its coordinates are projected (x {x:.0f}, y {y:.0f}): assign its Gauss-Kruger CRS.</source>
        <translation>其坐标为投影坐标（x {x:.0f}，y {y:.0f}）：请指定其高斯-克吕格坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="325"/>
        <source>The layer {layer} ({parameter}) has no coordinate reference system (a shapefile without .prj?): set its CRS and run again.{hint}</source>
        <translation>图层 {layer}（{parameter}）没有坐标参考系（缺少 .prj 的 shapefile？）：请设置其坐标系后重新运行。{hint}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/provider.py" line="69"/>
        <source>{name} (unavailable: Python packages missing)</source>
        <translation>{name}（不可用：缺少 Python 包）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/provider.py" line="72"/>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="377"/>
        <source>{file} has no features (layer {layer} is empty): there are no patches to import.</source>
        <translation>{file} 没有要素（图层 {layer} 为空）：没有可导入的图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="388"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="388"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="389"/>
        <source>{file} (layer {layer}) holds {kind}, not polygons: patches are polygons. Choose the file or layer with the patch outlines.</source>
        <translation>{file}（图层 {layer}）中是{kind}，不是面：图斑是面。请选择含图斑范围的文件或图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="577"/>
        <source>{file} is damaged: it is cut short ({size} bytes of the {expected} its header announces), probably an interrupted copy or download. Ask for the file again.</source>
        <translation>{file} 已损坏：文件被截断（文件头声明 {expected} 字节，实际 {size} 字节），可能是复制或下载中断。请重新索取该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="633"/>
        <source>GDAL gave no reason</source>
        <translation>GDAL 未给出原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="634"/>
        <source>{file} cannot be read to its end: the file is damaged or incomplete ({reason}). Ask for it again.</source>
        <translation>{file} 无法读完：文件已损坏或不完整（{reason}）。请重新索取。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="60"/>
        <source>the file states EPSG:{stated} but EPSG:{epsg} was given; the given CRS is used</source>
        <translation>文件写明 EPSG:{stated}，但指定了 EPSG:{epsg}；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="204"/>
        <source>EPSG:{epsg} is not a known coordinate reference system</source>
        <translation>EPSG:{epsg} 不是已知的坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="210"/>
        <source> (the eastings carry zone {zone}: in CGCS2000 that is EPSG:{suggested})</source>
        <translation>（横坐标带有带号 {zone}：在 CGCS2000 中为 EPSG:{suggested}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="214"/>
        <source>EPSG:{epsg} ({name}) is a geographic CRS in degrees, but the file's coordinates are Gauss–Krüger metres: they cannot belong to it. Leave the CRS empty to detect it from the file, or choose the projected Gauss–Krüger CRS{hint}</source>
        <translation>EPSG:{epsg}（{name}）是以度为单位的地理坐标系，而文件中的坐标是以米为单位的高斯-克吕格坐标：二者不符。请留空 CRS 由文件识别，或选择高斯-克吕格投影坐标系{hint}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="225"/>
        <source>EPSG:{epsg} ({name}) measures in {unit}, but the file&apos;s coordinates are metres</source>
        <translation>EPSG:{epsg}（{name}）的单位是{unit}，而文件中的坐标以米为单位</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="256"/>
        <source>longitude {lon:.3f}°, latitude {lat:.3f}°</source>
        <translation>经度 {lon:.3f}°，纬度 {lat:.3f}°</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="256"/>
        <source>no place on Earth</source>
        <translation>地球上不存在的位置</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="261"/>
        <source>X={x:.2f}, Y={y:.2f} read in EPSG:{epsg} ({name}) falls at {where}, outside China or outside the area where that CRS is used ({area}): the coordinates do not belong to it. Leave the CRS empty to detect it from the file, or choose the right one</source>
        <translation>按 EPSG:{epsg}（{name}）读取的 X={x:.2f}，Y={y:.2f} 位于{where}，在中国境外或该坐标系的适用范围（{area}）之外：坐标不属于该坐标系。请留空 CRS 由文件识别，或选择正确的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="65"/>
        <source>the file starts with a UTF-8 byte-order mark (BOM) but its text is GBK: it was read as GBK. Check the names, and save the file again as UTF-8 or as GBK without the mark</source>
        <translation>文件以 UTF-8 字节序标记（BOM）开头，但正文是 GBK：已按 GBK 读取。请核对名称，并将文件另存为 UTF-8 或不带标记的 GBK</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="74"/>
        <source>the file starts with a UTF-8 byte-order mark (BOM), but this line is not UTF-8 (bytes {bytes}) while other lines are: the file mixes encodings. Open it in a text editor, correct the line and save the file as UTF-8</source>
        <translation>文件以 UTF-8 字节序标记（BOM）开头，但此行不是 UTF-8（字节 {bytes}），而其他行是：文件混用了编码。请用文本编辑器打开，改正此行并保存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="88"/>
        <source>the file is neither UTF-8 nor GBK/GB18030 text: line {utf8_line} is not UTF-8 (bytes {utf8_bytes}) and line {gbk_line} is not GBK (bytes {gbk_bytes}). Is it a coordinate text file? Save it as UTF-8 or GBK text</source>
        <translation>文件既不是 UTF-8 也不是 GBK/GB18030 文本：第 {utf8_line} 行不是 UTF-8（字节 {utf8_bytes}），第 {gbk_line} 行不是 GBK（字节 {gbk_bytes}）。这是坐标文本文件吗？请保存为 UTF-8 或 GBK 文本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="88"/>
        <source>decimal comma in &apos;{text}&apos;: coordinates must be written with a decimal point ({fixed})</source>
        <translation>“{text}”中使用了小数逗号：坐标须用小数点书写（{fixed}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="198"/>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="203"/>
        <source>&apos;{text}&apos; has a decimal comma: write a decimal point ({fixed})</source>
        <translation>“{text}”使用了小数逗号：请写小数点（{fixed}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="209"/>
        <source>unknown area unit '{unit}' in '{text}' (known: 平方米/m², 公顷/ha, 亩, 平方公里/km²)</source>
        <translation>“{text}”中的面积单位“{unit}”无法识别（可识别：平方米/m²、公顷/ha、亩、平方公里/km²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="216"/>
        <source>&apos;{text}&apos; is not a finite number</source>
        <translation>“{text}”不是有限数值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="218"/>
        <source>&apos;{text}&apos; is not a positive area</source>
        <translation>“{text}”不是正的面积</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="221"/>
        <source>'{area}' is larger than all of China (9.6 million km²)</source>
        <translation>“{area}”比整个中国（960 万平方公里）还大</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="173"/>
        <source>boundary</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="173"/>
        <source>coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="179"/>
        <source>licence {licence} is also in {first}, identical: imported once, from {first}</source>
        <translation>采矿权 {licence} 在 {first} 中也有，内容相同：只从 {first} 导入一次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="192"/>
        <source>licence {licence} is given {count} times in this import ({files}) and the copies differ ({differences}): it is not imported. Keep only the right file and import again</source>
        <translation>采矿权 {licence} 在本次导入中出现 {count} 次（{files}），且内容不同（{differences}）：未导入。请只保留正确的文件后重新导入</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="139"/>
        <source>parcel area (地块面积) is invalid: {reason}; it is left empty and not checked</source>
        <translation>地块面积无效：{reason}；留空，不作核对</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="269"/>
        <source>licensed area (矿区面积) of licence {licence} is invalid: {reason}; it is left empty</source>
        <translation>采矿权 {licence} 的矿区面积无效：{reason}；留空</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="167"/>
        <source>the corners are longitudes and latitudes in degrees (first: X={x}, Y={y}), not Gauss–Krüger coordinates in metres: licence corners must be given as CGCS2000 Gauss–Krüger X (northing) and Y (easting) in metres, as on the licence. Convert them first (in QGIS: reproject to EPSG:{epsg}, CGCS2000 3-degree zone {zone} with zone prefix, where these corners lie); a file in degrees is not read</source>
        <translation>拐点是以度为单位的经纬度（第一个：X={x}，Y={y}），不是以米为单位的高斯-克吕格坐标：采矿权拐点须按许可证给出 CGCS2000 高斯-克吕格 X（纵坐标）和 Y（横坐标），单位为米。请先转换（在 QGIS 中重投影到 EPSG:{epsg}，即这些拐点所在的 CGCS2000 3 度带第 {zone} 带，带号前缀）；以度为单位的文件不予读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="378"/>
        <source>declared area {declared} {unit} ({declared_m2} m²) differs from the computed area: planar {planar} m², ellipsoidal {ellipsoidal} m²; difference {difference} m² ({relative})</source>
        <translation>申报面积 {declared} {unit}（{declared_m2} 平方米）与计算面积不符：平面 {planar} 平方米，椭球 {ellipsoidal} 平方米；相差 {difference} 平方米（{relative}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="273"/>
        <source>Licence {license_no}: licensed area {value} km² is not a valid area; it is stored empty.</source>
        <translation>采矿权 {license_no}：矿区面积 {value} 平方公里不是有效面积；存为空值。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="409"/>
        <source>{path} was left in the middle of a change by a program that stopped (crash, power cut, killed): that unfinished change was rolled back from its journal; the data are as they were before it.</source>
        <translation>{path} 在修改中途被中断的程序留下（崩溃、断电、被终止）：未完成的修改已按日志回滚，数据恢复到修改之前。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="166"/>
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="573"/>
        <source>{path} is locked by another program (another QGIS, a copy or synchronisation tool...); nothing was written. Close it there and try again.</source>
        <translation>{path} 被其他程序锁定（另一个 QGIS、复制或同步工具……）；未写入任何内容。请在那里关闭后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="578"/>
        <source>{path}: the disk is full (SQLite: {reason}); nothing was written. Free some space on the disk of {folder} and try again.</source>
        <translation>{path}：磁盘已满（SQLite：{reason}）；未写入任何内容。请清理 {folder} 所在磁盘的空间后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="589"/>
        <source>{path} cannot be written (read-only: {reason}); nothing was written.</source>
        <translation>{path} 无法写入（只读：{reason}）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="593"/>
        <source>{path} is damaged ({reason}); nothing was written. Restore it from a backup, or repair a copy of it.</source>
        <translation>{path} 已损坏（{reason}）；未写入任何内容。请从备份恢复，或修复其副本。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="597"/>
        <source>{path} could not be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="599"/>
        <source>{path} could not be written: {reason}. Nothing was written.</source>
        <translation>无法写入 {path}：{reason}。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="617"/>
        <source>{path} is damaged: the table(s) {tables} of the supervision database are missing (deleted by another program?). Nothing was written. Restore the database from a backup.</source>
        <translation>{path} 已损坏：监管数据库缺少表 {tables}（被其他程序删除？）。未写入任何内容。请从备份恢复数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="51"/>
        <source>Missing Python packages: {names}.</source>
        <translation>缺少 Python 包：{names}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="65"/>
        <source>In the OSGeo4W Shell of this QGIS run: python -m pip install --no-deps {pins} (shapely 2 and pyproj must be the ones OSGeo4W ships) — then restart QGIS.</source>
        <translation>在本 QGIS 的 OSGeo4W Shell 中运行：python -m pip install --no-deps {pins}（shapely 2 和 pyproj 须用 OSGeo4W 自带的）——然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="69"/>
        <source>In a terminal run: sh &quot;{script}&quot; (it builds shapely against the system's GEOS, as QGIS needs) — then restart QGIS.</source>
        <translation>在终端中运行：sh &quot;{script}&quot;（它按 QGIS 的需要，用系统的 GEOS 编译 shapely）——然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="119"/>
        <source>shapely cannot be imported.</source>
        <translation>无法导入 shapely。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="122"/>
        <source>shapely {version} is installed; the plugin needs shapely 2.</source>
        <translation>已安装的是 shapely {version}；插件需要 shapely 2。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="127"/>
        <source>shapely cannot be imported ({error}).</source>
        <translation>无法导入 shapely（{error}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="130"/>
        <source>shapely {version} was built for GEOS {built_for}, but QGIS runs GEOS {qgis_geos} (a shapely from PyPI brings its own GEOS, which clashes with QGIS&apos;s).</source>
        <translation>shapely {version} 是为 GEOS {built_for} 编译的，而 QGIS 使用 GEOS {qgis_geos}（PyPI 上的 shapely 自带 GEOS，与 QGIS 的冲突）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="137"/>
        <source>shapely fails with QGIS&apos;s GEOS ({error}).</source>
        <translation>shapely 与 QGIS 的 GEOS 一起运行出错（{error}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="147"/>
        <source>Not pre-judged: the patch has no geometry. Draw or import its outline, then pre-judge again.</source>
        <translation>未预判：图斑没有图形。请绘制或导入其范围后重新预判。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="151"/>
        <source>{count} patches have no geometry and were not pre-judged: {numbers}.</source>
        <translation>{count} 个图斑没有图形，未预判：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="437"/>
        <source>{file} declares the projected CRS {crs} (metres), but its coordinates are longitudes and latitudes in degrees (x {min_x:.4f}…{max_x:.4f}, y {min_y:.4f}…{max_y:.4f}). Its CRS declaration is wrong: assign the geographic CRS (CGCS2000: EPSG:4490) and import again.</source>
        <translation>{file} 声明的是投影坐标系 {crs}（米），但其坐标是以度为单位的经纬度（x {min_x:.4f}…{max_x:.4f}，y {min_y:.4f}…{max_y:.4f}）。坐标系声明有误：请指定地理坐标系（CGCS2000：EPSG:4490）后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="480"/>
        <source>The coordinates of {file} (x {x:.0f}, y {y:.0f}) cannot be placed on the Earth in its CRS {crs}: its CRS declaration is wrong. Assign the right CRS and import again.</source>
        <translation>{file} 的坐标（x {x:.0f}，y {y:.0f}）按其坐标系 {crs} 无法落在地球上：坐标系声明有误。请指定正确的坐标系后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="54"/>
        <source>imports, pre-judgment and drawing</source>
        <translation>导入、预判和绘制</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="54"/>
        <source>PDF documents</source>
        <translation>PDF 文书</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="56"/>
        <source>Disabled until then: {features}.</source>
        <translation>在此之前停用：{features}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="45"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="45"/>
        <source>The current project has unsaved changes. Save them first?

The supervision database&apos;s layers are added to this project in their own group; your other layers stay.</source>
        <translation>当前项目有未保存的修改。是否先保存？

监管数据库的图层将以单独的图层组添加到本项目中；您的其他图层保持不变。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="55"/>
        <source>Continue without saving</source>
        <translation>不保存，继续</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="194"/>
        <source>Licence {license_no}</source>
        <translation>许可证 {license_no}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="173"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="167"/>
        <source>{value} m</source>
        <translation>{value} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="174"/>
        <source>{top} to {bottom}</source>
        <translation>{top} 至 {bottom}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="783"/>
        <source>Depth range: {range}</source>
        <translation>开采标高：{range}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="801"/>
        <source>Parcel {parcel}: {range}</source>
        <translation>地块 {parcel}：{range}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="48"/>
        <source>Draw mines for a spot check</source>
        <translation>随机抽取抽查矿山</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="51"/>
        <source>Draws RATIO (at least 20 % by default) of the mines of RIGHTS for the city&apos;s random spot check, stratified by status, always including the mines whose holder is on the abnormal list or the serious-dishonesty list (credit_status, as code or label) and the licence numbers of FLAGGED (patches, audits...). The stratum field says why each mine was drawn. The draw is reproducible: each mine&apos;s place is the SHA-256 of &quot;SEED|license_no&quot;; the same SEED gives the same list. With DATABASE, the draw (date, who, seed, ratio, the list) is recorded in its audit log.</source>
        <translation>按 RATIO 比例（默认至少 20%）从 RIGHTS 的矿山中抽取，供市级随机抽查使用，按生产状态分层抽取；采矿权人列入异常名录或严重违法失信名单的矿山（credit_status，代码或中文名称均可）以及 FLAGGED 中的许可证号（图斑、审计等）一律纳入。stratum 字段说明每个矿山被抽中的原因。抽取结果可复现：每个矿山的排序依据为“SEED|license_no”的 SHA-256 值，相同的 SEED 得到相同的名单。指定 DATABASE 时，抽取情况（日期、操作人、随机种子、比例、名单）记入其审计日志。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="62"/>
        <source>Mining rights (license_no, status, credit_status)</source>
        <translation>采矿权（license_no、status、credit_status）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="67"/>
        <source>Flagged mines (license_no): patches, audit findings...</source>
        <translation>标记矿山（license_no）：图斑、审计发现问题等…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="72"/>
        <source>Share of the mines to draw</source>
        <translation>抽取比例</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="78"/>
        <source>Seed (the same seed gives the same draw)</source>
        <translation>随机种子（相同种子抽取结果相同）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="81"/>
        <source>Supervision database to record the draw in</source>
        <translation>记录抽取情况的监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="87"/>
        <source>Mines drawn</source>
        <translation>抽中的矿山</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="88"/>
        <source>Seed used</source>
        <translation>所用随机种子</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="89"/>
        <source>Number of mines drawn</source>
        <translation>抽中矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="90"/>
        <source>Number of mines drawn from</source>
        <translation>参与抽取的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="97"/>
        <source>No SEED given: drawn with seed {seed}; give SEED={seed} to draw the same list again.</source>
        <translation>未指定 SEED：本次使用随机种子 {seed} 抽取；指定 SEED={seed} 可再次抽取相同名单。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="104"/>
        <source>RIGHTS has no credit_status field: no mine is forced into the draw for its holder&apos;s credit.</source>
        <translation>RIGHTS 没有 credit_status 字段：不按采矿权人信用状态强制纳入任何矿山。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="111"/>
        <source>{count} flagged licence number(s) are not among the mining rights and cannot be drawn: {numbers}</source>
        <translation>{count} 个标记的许可证号不在采矿权中，无法抽取：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="117"/>
        <source>{count} mining right(s) have no licence number and are left out: {rows}</source>
        <translation>{count} 个采矿权没有许可证号，已排除：{rows}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="137"/>
        <source>The draw is recorded in the audit log of {path}.</source>
        <translation>抽取情况已记入 {path} 的审计日志。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="68"/>
        <source>Licence number</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="139"/>
        <source>Stratum</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="139"/>
        <source>Why drawn</source>
        <translation>抽中原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="139"/>
        <source>Draw order</source>
        <translation>抽取顺序</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="139"/>
        <source>Draw key (SHA-256)</source>
        <translation>抽取键值（SHA-256）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/sample_mines.py" line="157"/>
        <source>Drew {drawn} of {population} mines with seed {seed} and ratio {ratio} ({counts}).</source>
        <translation>以随机种子 {seed}、比例 {ratio} 从 {population} 个矿山中抽取 {drawn} 个（{counts}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="57"/>
        <source>Rectification notices (one PDF per holder)</source>
        <translation>整改通知书（每个采矿权人一份 PDF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="60"/>
        <source>Writes one rectification notice (整改通知书, PDF in the GB/T 9704 layout, with its map and service receipt) per holder of a patch pre-judged out of bounds, on an expired licence, or unlicensed yet touching a licence, into OUTPUT_FOLDER. PATCHES: the pre-judgment's fields (prejudgment, license_no, inside_area_m2, outside_area_m2, patch_no); RIGHTS: license_no, holder and the licence boundaries. With DATABASE, each notice gets the next document number, is recorded and linked to its patches; without it, the notices are drafts without a number. The authority, number prefix, legal basis, contact and deadline come from the notice template (TEMPLATE, else the one chosen in the settings, else the plugin's resources/templates/notice.json).</source>
        <translation>对预判为疑似越界开采、疑似证照过期开采，或疑似无证开采但涉及许可证范围的图斑，按采矿权人各生成一份整改通知书（PDF，采用 GB/T 9704 公文格式，含附图和送达回证），写入 OUTPUT_FOLDER。PATCHES：预判结果字段（prejudgment、license_no、inside_area_m2、outside_area_m2、patch_no）；RIGHTS：license_no、holder 及许可证范围边界。指定 DATABASE 时，每份通知书依次取下一个文号，登记入库并与其图斑关联；未指定时，通知书为无文号的草稿。发文机关、文号前缀、法律依据、联系方式和整改期限取自通知书模板（TEMPLATE；未指定时用设置中选择的模板，再无则用插件的 resources/templates/notice.json）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="74"/>
        <source>Mining rights (license_no, holder)</source>
        <translation>采矿权（license_no、holder）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="76"/>
        <source>Folder for the notices</source>
        <translation>通知书输出文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="77"/>
        <source>Supervision database to number and record the notices in</source>
        <translation>用于编号和登记通知书的监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="80"/>
        <source>Imagery under the map figure</source>
        <translation>附图底图影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="82"/>
        <source>Issue date (YYYY-MM-DD; empty: today)</source>
        <translation>发文日期（YYYY-MM-DD；留空：今天）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="84"/>
        <source>Notice template (JSON)</source>
        <translation>通知书模板（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="114"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="87"/>
        <source>Notices written</source>
        <translation>已生成通知书数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="88"/>
        <source>Document numbers</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="89"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="96"/>
        <source>The folder {path} cannot be made: {reason}</source>
        <translation>无法创建文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="101"/>
        <source>ISSUE_DATE {value} is not a date (YYYY-MM-DD).</source>
        <translation>ISSUE_DATE {value} 不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="131"/>
        <source>No patch calls for a notice: nothing was written.</source>
        <translation>没有需要下发整改通知书的图斑：未生成任何文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="150"/>
        <source>{number}: {holder}, {count} patch(es) → {path}</source>
        <translation>{number}：{holder}，{count} 个图斑 → {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="153"/>
        <source>No DATABASE: the notices are drafts without a document number.</source>
        <translation>未指定 DATABASE：通知书为无文号的草稿。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/columns.py" line="62"/>
        <source>{input} lacks the field(s) {fields} (its fields: {present}).</source>
        <translation>{input} 缺少字段 {fields}（现有字段：{present}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="187"/>
        <source>{count} unlicensed patch(es) touch no licence: no holder to serve, a case for enforcement: {patches}</source>
        <translation>{count} 个疑似无证开采图斑不涉及任何许可证：无送达对象，应移送执法查处：{patches}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/rectification_notices.py" line="190"/>
        <source>{count} patch(es) name licences that are not among RIGHTS (or have no holder): {patches}</source>
        <translation>{count} 个图斑所列许可证不在 RIGHTS 中（或没有采矿权人）：{patches}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="49"/>
        <source>Import a special survey round (GeoPackage, shapefile, GeoJSON, DXF)</source>
        <translation>导入一轮专项勘测成果（GeoPackage、shapefile、GeoJSON、DXF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="52"/>
        <source>Records a special survey round (e.g. 2026-1) in the supervision database: the measured extents of the mines from a file or a folder of files (GeoPackage, shapefile, GeoJSON, DXF). In a DXF, closed polylines become extents (choose the drawing layers in LAYERS); open polylines are named by layer and entity handle. Give the CRS of files that have none (DXF); data in another CRS are reprojected, except Xi&apos;an 1980 / Beijing 1954 data for a CGCS2000 database, which are refused. Invalid geometries are repaired and named. Elevations of underground workings come from fields (elevation_top_m, elevation_bottom_m) or from the Z of 3-D polylines. Each extent is matched to a licence by the licence number it carries, else by location; extents matching none are listed. The round is written in one transaction: a file that cannot be read refuses it whole.</source>
        <translation>将一轮专项勘测（如 2026-1）记入监管数据库：从一个文件或一个文件夹中的文件（GeoPackage、shapefile、GeoJSON、DXF）读取各矿山的实测范围。DXF 中的闭合多段线作为勘测范围（在 LAYERS 中选择图层）；未闭合的多段线按图层和实体句柄列出。没有坐标系的文件（DXF）须指定 CRS；其他坐标系的数据将重投影，但西安1980 / 北京1954 数据不能导入 CGCS2000 数据库，将被拒收。无效图形将被修复并列出。地下采掘工程的标高取自字段（elevation_top_m、elevation_bottom_m）或三维多段线的 Z 值。每个勘测范围按其所带的许可证号匹配许可证，否则按位置匹配；无法匹配的勘测范围将被列出。整轮在一个事务中写入：任一文件无法读取则整轮拒收。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="65"/>
        <source>Survey file or folder</source>
        <translation>勘测文件或文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="65"/>
        <source>Survey extents (*.gpkg *.shp *.geojson *.json *.dxf *.DXF);;All files (*)</source>
        <translation>勘测范围 (*.gpkg *.shp *.geojson *.json *.dxf *.DXF);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="71"/>
        <source>Layers to read (DXF drawing layers or file layers, comma-separated; empty: all)</source>
        <translation>要读取的图层（DXF 图层或文件中的图层，以逗号分隔；留空：全部）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="74"/>
        <source>CRS of files without one (DXF)</source>
        <translation>无坐标系文件（DXF）的坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="75"/>
        <source>Survey round (e.g. 2026-1)</source>
        <translation>勘测轮次（如 2026-1）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="76"/>
        <source>Survey method (unless a feature says another)</source>
        <translation>勘测方式（要素另有注明的除外）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="83"/>
        <source>Survey date (YYYY-MM-DD)</source>
        <translation>勘测日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="84"/>
        <source>Surveyor</source>
        <translation>勘测单位/人员</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="86"/>
        <source>Survey extents recorded</source>
        <translation>已记录的勘测范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of files read</source>
        <translation>已读取文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="89"/>
        <source>Number of extents recorded</source>
        <translation>已记录勘测范围数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="117"/>
        <source>Number of mines surveyed</source>
        <translation>已勘测矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of extents matching no licence</source>
        <translation>未匹配许可证的勘测范围数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="106"/>
        <source>The CRS {crs} has no EPSG code; choose it by its EPSG code.</source>
        <translation>坐标系 {crs} 没有 EPSG 代码；请按 EPSG 代码选择坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="114"/>
        <source>{date} is not a date (YYYY-MM-DD).</source>
        <translation>{date} 不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_survey.py" line="137"/>
        <source>Round {round}: {extents} extents of {mines} mines recorded in {database} ({unmatched} matching no licence).</source>
        <translation>轮次 {round}：已将 {mines} 个矿山的 {extents} 个勘测范围记入 {database}（{unmatched} 个未匹配许可证）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="70"/>
        <source>Mine name</source>
        <translation>矿山名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="73"/>
        <source>Patrol frequency</source>
        <translation>巡查频次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="74"/>
        <source>Required periods</source>
        <translation>应巡查期数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="75"/>
        <source>Satisfied periods</source>
        <translation>已巡查期数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="76"/>
        <source>Missing periods (count)</source>
        <translation>漏巡期数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="77"/>
        <source>Missing periods</source>
        <translation>漏巡期次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="78"/>
        <source>Inspections in the period</source>
        <translation>期间巡查次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="79"/>
        <source>Last inspected on</source>
        <translation>最近巡查日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="80"/>
        <source>Compliant</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="81"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="92"/>
        <source>Patrol compliance for a period</source>
        <translation>巡查频次达标检查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="95"/>
        <source>For every mine of RIGHTS (license_no, status as code or label): the calendar months (producing mines) or quarters (suspended, under construction, closed) overlapping the period, those with at least one inspection dated inside both the period and that month or quarter, and the missing ones (e.g. &quot;2026-03, 2026-07&quot; or &quot;2026-Q2&quot;). INSPECTIONS is any table or layer with license_no and inspected_on (or inspection_date), a CSV file included. Inspections of unknown licence numbers, dates that cannot be read and unknown statuses are named and counted in the log.</source>
        <translation>对 RIGHTS 中的每个矿山（license_no，status 为代码或中文名称）：列出与检查期间重叠的自然月（在产矿山）或季度（停产、基建、关闭矿山），其中在检查期间内且在该月或该季度内至少有一次巡查记录的期次，以及漏巡的期次（如“2026-03, 2026-07”或“2026-Q2”）。INSPECTIONS 可以是任何含 license_no 和 inspected_on（或 inspection_date）的表或图层，包括 CSV 文件。许可证号未知的巡查记录、无法读取的日期和未知的生产状态会在日志中逐一列出并计数。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="106"/>
        <source>Mining rights (license_no, status)</source>
        <translation>采矿权（license_no、status）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="107"/>
        <source>Inspections (license_no, inspected_on): any table, layer or CSV file</source>
        <translation>巡查核查记录（license_no、inspected_on）：任意表、图层或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="112"/>
        <source>Period start (YYYY-MM-DD)</source>
        <translation>期间起始日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="113"/>
        <source>Period end (YYYY-MM-DD), included</source>
        <translation>期间截止日期（YYYY-MM-DD，含当日）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="120"/>
        <source>Patrol compliance per mine</source>
        <translation>各矿山巡查达标情况</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Number of mines</source>
        <translation>矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Mines with missing periods</source>
        <translation>有漏巡期次的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Inspections of unknown licence numbers</source>
        <translation>许可证号未知的巡查记录数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Inspections without a readable date</source>
        <translation>日期无法读取的巡查记录数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Mines of unknown status</source>
        <translation>生产状态未知的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="150"/>
        <source>Reading mining rights and inspections</source>
        <translation>正在读取采矿权和巡查核查记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="158"/>
        <source>Checking {mines} mines against {inspections} inspections</source>
        <translation>正在对照 {inspections} 条巡查核查记录检查 {mines} 个矿山</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="214"/>
        <source>{mines} mines: {late} with missing periods, {used} inspections counted.</source>
        <translation>{mines} 个矿山：{late} 个有漏巡期次，计入 {used} 条巡查核查记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="246"/>
        <source>{name} is not a date: &apos;{value}&apos; (write it as 2026-01-31).</source>
        <translation>{name} 不是有效日期：“{value}”（请按 2026-01-31 的格式填写）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/columns.py" line="68"/>
        <source>line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="177"/>
        <source>feature {n}</source>
        <translation>要素 {n}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="63"/>
        <source>Compare a survey round with the licences and the previous round</source>
        <translation>专项勘测成果与许可证范围及上一轮比对</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="66"/>
        <source>Overlays the measured extents of a special survey round (SURVEY) on the licensed boundaries (RIGHTS) and on the previous round (PREVIOUS, optional). Each extent belongs to the licence whose number it carries (license_no), else to the licence it overlaps most; extents matching none are listed and held against every licence. OUTPUT_OUTSIDE: the pieces outside the licence (an excluded parcel counts as outside), each with its area, its greatest distance beyond the boundary and the corners it lies nearest to. OUTPUT_SUMMARY: per mine the surveyed, inside and outside areas, the growth since the previous round (and its part beyond the boundary), whether works come within APPROACH_M of the boundary, and for underground works with elevations (elevation_top_m / elevation_bottom_m) the metres above the licensed top or below the licensed bottom (depth_top_m / depth_bottom_m of RIGHTS). OUTPUT_GROWTH: the newly disturbed polygons; OUTPUT_APPROACHING: the works within APPROACH_M inside the boundary.</source>
        <translation>将一轮专项勘测的实测范围（SURVEY）与许可证范围（RIGHTS）及上一轮勘测（PREVIOUS，可选）叠加比对。每个勘测范围归属于其所带许可证号（license_no）对应的许可证，否则归属于与其重叠最多的许可证；无法匹配的勘测范围将被列出，并与所有许可证比对。OUTPUT_OUTSIDE：超出许可证范围的部分（落在扣除地块内的也计为范围外），各附面积、超出边界的最大距离及最近的拐点。OUTPUT_SUMMARY：每个矿山的勘测面积、范围内面积和范围外面积，较上一轮的新增面积（及其中超出边界的部分），采掘工程距边界是否在 APPROACH_M 以内，以及对带标高（elevation_top_m / elevation_bottom_m）的地下采掘工程，高于批准开采标高上限或低于下限的米数（RIGHTS 的 depth_top_m / depth_bottom_m）。OUTPUT_GROWTH：新增扰动范围多边形；OUTPUT_APPROACHING：边界内距边界不足 APPROACH_M 的采掘工程。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="80"/>
        <source>Survey extents (this round)</source>
        <translation>勘测范围（本轮）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="41"/>
        <source>Mining rights (licensed boundaries)</source>
        <translation>采矿权（许可证范围）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="83"/>
        <source>Survey extents of the previous round</source>
        <translation>上一轮勘测范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="90"/>
        <source>Works closer than this to the boundary are approaching it (m)</source>
        <translation>临近边界距离：采掘工程距边界小于此值即视为临近边界（米）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="93"/>
        <source>Ignore pieces smaller than (m²)</source>
        <translation>忽略面积小于此值的部分（m²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="92"/>
        <source>Out-of-bounds pieces</source>
        <translation>越界部分</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="94"/>
        <source>Survey comparison per mine</source>
        <translation>各矿山勘测比对结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="96"/>
        <source>Growth since the previous round</source>
        <translation>较上一轮新增范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="99"/>
        <source>Works approaching the boundary</source>
        <translation>临近边界的采掘工程</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="118"/>
        <source>Number of mines with works outside their licence</source>
        <translation>采掘工程超出许可证范围的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of out-of-bounds pieces</source>
        <translation>越界部分数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of mines that grew since the previous round</source>
        <translation>较上一轮范围扩大的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of mines that grew toward or across the boundary</source>
        <translation>向边界扩展或越过边界的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of mines working above the licensed top or below the licensed bottom</source>
        <translation>高于批准开采标高上限或低于下限开采的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="103"/>
        <source>Number of mines whose works approach the boundary</source>
        <translation>采掘工程临近边界的矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="55"/>
        <source>The mining rights layer has no coordinate reference system: set it.</source>
        <translation>采矿权图层没有坐标参考系：请设置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="64"/>
        <source>The layer {layer} has no coordinate reference system: set it.</source>
        <translation>图层 {layer} 没有坐标参考系：请设置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="145"/>
        <source>Invalid {what} geometries repaired (make_valid): {names}</source>
        <translation>已修复无效的{what}图形（make_valid）：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="148"/>
        <source>{what} without usable geometry, ignored: {names}</source>
        <translation>没有可用图形的{what}，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="155"/>
        <source>{layer} feature {fid}</source>
        <translation>{layer} 要素 {fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="157"/>
        <source>survey extent</source>
        <translation>勘测范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="176"/>
        <source>The mining rights layer lacks the field license_no.</source>
        <translation>采矿权图层缺少 license_no 字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_inputs.py" line="179"/>
        <source>licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="241"/>
        <source>{mines} mines compared: {outside} with works outside their licence ({pieces} pieces), {deeper} beyond their licensed depth, {approaching} approaching the boundary, {growing} grown since the previous round ({toward} toward or across the boundary); {unmatched} extents match no licence.</source>
        <translation>已比对 {mines} 个矿山：{outside} 个采掘工程超出许可证范围（{pieces} 处），{deeper} 个超出批准开采标高，{approaching} 个临近边界，{growing} 个较上一轮范围扩大（其中 {toward} 个向边界扩展或越过边界）；{unmatched} 个勘测范围未匹配许可证。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="53"/>
        <source>Import patrols (GPX, flight logs, photos)</source>
        <translation>导入巡查记录（GPX、飞行日志、照片）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="56"/>
        <source>Records patrols in the supervision database from GPX files (tracks or routes, GPX 1.1 or 1.0) or drone flight logs (CSV with latitude, longitude and time columns), one file or a folder of them: each track, route or log becomes an inspection with its route line, date and start/end time. Each patrol is matched to the mines whose licence numbers its name, description or file name carries, else to every licence its route passes within MATCH_DISTANCE metres. Photos of the optional PHOTOS folder are placed by their EXIF GPS position, linked to the patrol whose time they were taken in, and copied into the folder &lt;database name&gt;_attachments beside the database (linked by relative path, so the folder can be moved). Photos without GPS are kept unplaced, never dropped. Files that cannot be read are refused one by one, each named; everything else is written in one transaction.</source>
        <translation>从 GPX 文件（轨迹或路线，GPX 1.1 或 1.0）或无人机飞行日志（含纬度、经度和时间列的 CSV）向监管数据库导入巡查记录，可以是一个文件或一个文件夹：每条轨迹、路线或日志成为一条巡查核查记录，包括巡查路线、日期和起止时间。每次巡查按其名称、描述或文件名中的许可证号匹配矿山，否则匹配路线经过的 MATCH_DISTANCE 米以内的所有许可证。可选的 PHOTOS 文件夹中的照片按 EXIF GPS 位置在地图上定位，按拍摄时间关联到相应的巡查，并复制到数据库旁的 &lt;数据库名&gt;_attachments 文件夹中（以相对路径链接，文件夹可整体移动）。没有 GPS 位置的照片保留但不定位，不会丢弃。无法读取的文件逐个拒收并列出；其余内容在一个事务中写入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="69"/>
        <source>GPX file, flight log (CSV) or a folder of them</source>
        <translation>GPX 文件、飞行日志（CSV）或其所在文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="69"/>
        <source>Patrol routes (*.gpx *.GPX *.csv *.CSV);;All files (*)</source>
        <translation>巡查路线 (*.gpx *.GPX *.csv *.CSV);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="78"/>
        <source>Photo folder</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="84"/>
        <source>Inspection kind (unless a route&apos;s description says another)</source>
        <translation>巡查核查类型（路线描述另有注明的除外）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="94"/>
        <source>Match a route to the licences it passes within (m)</source>
        <translation>路线与许可证的匹配距离（米）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="103"/>
        <source>Patrol routes</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of files or routes refused</source>
        <translation>被拒收的文件或路线数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of patrols recorded</source>
        <translation>已记录巡查次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of mines patrolled</source>
        <translation>已巡查矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of photos placed on the map</source>
        <translation>已在地图上定位的照片数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of photos kept without a GPS position</source>
        <translation>无 GPS 位置但已保留的照片数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="106"/>
        <source>Number of photos that fit no patrol</source>
        <translation>未匹配任何巡查的照片数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patrols.py" line="150"/>
        <source>{patrols} patrols of {mines} mines recorded in {database}; photos: {placed} placed, {unplaced} without GPS position, {unassigned} fitting no patrol.</source>
        <translation>已向 {database} 记录 {mines} 个矿山的 {patrols} 次巡查；照片：已定位 {placed} 张，无 GPS 位置 {unplaced} 张，未匹配巡查 {unassigned} 张。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="172"/>
        <source>{file}: a point of {route} has no readable lat/lon attributes.</source>
        <translation>{file}：{route} 中有一个点的经纬度属性无法读取。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="176"/>
        <source>{file}: a point of {route} lies outside longitude/latitude range ({lon}, {lat}).</source>
        <translation>{file}：{route} 中有一个点超出经纬度取值范围（{lon}，{lat}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="208"/>
        <source>{file} is not well-formed XML (line {line}, column {column}): {reason}</source>
        <translation>{file} 不是格式正确的 XML（第 {line} 行，第 {column} 列）：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="214"/>
        <source>{file} is XML but not GPX (its root element is &lt;{root}&gt;).</source>
        <translation>{file} 是 XML 文件，但不是 GPX（其根元素为 &lt;{root}&gt;）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="238"/>
        <source>{file} has no track or route with points (waypoints alone are no patrol route); the file is refused.</source>
        <translation>{file} 中没有含点的轨迹或路线（仅有航点不构成巡查路线）；拒收该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="253"/>
        <source>{file}: the points of {route} carry no time, so the patrol&apos;s date is unknown; the file is refused. Export the track with times (or set the time in the GPX metadata).</source>
        <translation>{file}：{route} 中的点不含时间，无法确定巡查日期；拒收该文件。请导出带时间的轨迹（或在 GPX 元数据中设置时间）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="312"/>
        <source>{file} is empty.</source>
        <translation>{file} 为空文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="316"/>
        <source>{file}: no latitude and longitude columns found (columns: {columns}); the file is refused.</source>
        <translation>{file}：未找到纬度和经度列（现有列：{columns}）；拒收该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="327"/>
        <source>{file}, row {row}: latitude/longitude cannot be read.</source>
        <translation>{file} 第 {row} 行：无法读取纬度/经度。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="333"/>
        <source>{file}, row {row}: ({lat}, {lon}) is not a latitude/longitude.</source>
        <translation>{file} 第 {row} 行：（{lat}，{lon}）不是有效的纬度/经度。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="349"/>
        <source>{file} has fewer than two positions; the file is refused.</source>
        <translation>{file} 中的位置点少于两个；拒收该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="351"/>
        <source>{file}: no time column could be read (columns: {columns}), so the flight&apos;s date is unknown; the file is refused.</source>
        <translation>{file}：无法读取时间列（现有列：{columns}），无法确定飞行日期；拒收该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="389"/>
        <source>{folder} holds no GPX or flight-log (CSV) file.</source>
        <translation>{folder} 中没有 GPX 或飞行日志（CSV）文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/gpx.py" line="399"/>
        <source>{file}: {count} of the {total} points of {route} have no time.</source>
        <translation>{file}：{route} 的 {total} 个点中有 {count} 个没有时间。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="127"/>
        <source>{file} is not a file GDAL can read.</source>
        <translation>{file} 不是 GDAL 可读取的文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="174"/>
        <source>{file} says its CRS is EPSG:{own}; EPSG:{given} was given and is used instead.</source>
        <translation>{file} 声明其坐标系为 EPSG:{own}；已指定 EPSG:{given}，采用指定的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="180"/>
        <source>{file}: its coordinate reference system has no EPSG code; give the CRS it is in.</source>
        <translation>{file}：其坐标参考系没有 EPSG 代码；请指定其所用的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="183"/>
        <source>{file} has no coordinate reference system (a DXF, or a shapefile without .prj): give the CRS it is in (e.g. EPSG:4526, CGCS2000 3-degree zone 38).</source>
        <translation>{file} 没有坐标参考系（DXF 文件，或缺少 .prj 的 shapefile）：请指定其所用的坐标系（如 EPSG:4526，即 CGCS2000 3 度带第 38 带）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="191"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="194"/>
        <source>{file} is in EPSG:{source} ({source_datum}) and the database in EPSG:{target} ({target_datum}): a change of datum needs the conversion parameters of your province&apos;s surveying bureau. Convert the file to {target_datum} first; it is not taken for one or the other silently.</source>
        <translation>{file} 的坐标系为 EPSG:{source}（{source_datum}），而数据库为 EPSG:{target}（{target_datum}）：变换大地基准需要省级测绘主管部门提供的转换参数。请先将文件转换为 {target_datum}；本插件不会擅自将一种基准当作另一种。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="200"/>
        <source>{file}: reprojected from EPSG:{source} to EPSG:{target}.</source>
        <translation>{file}：已由 EPSG:{source} 重投影至 EPSG:{target}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="214"/>
        <source>{file}: the eastings ({easting:.0f}) do not fit EPSG:{epsg} ({kind}); give the CRS the coordinates are in.</source>
        <translation>{file}：东坐标（{easting:.0f}）与 EPSG:{epsg}（{kind}）不符；请指定坐标实际所用的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="214"/>
        <source>zone {zone}, easting with zone prefix</source>
        <translation>第 {zone} 带，东坐标含带号前缀</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="214"/>
        <source>zone {zone}, easting without zone prefix</source>
        <translation>第 {zone} 带，东坐标不含带号前缀</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="241"/>
        <source>{file} has no layer {layers} (its layers: {present}).</source>
        <translation>{file} 中没有图层 {layers}（现有图层：{present}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="246"/>
        <source>{file} has no layer with geometries.</source>
        <translation>{file} 中没有含图形的图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="254"/>
        <source>{file} has no DXF layer {layers} (its layers: {present}).</source>
        <translation>{file} 中没有 DXF 图层 {layers}（现有图层：{present}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="271"/>
        <source>layer {layer}, entity {handle}</source>
        <translation>图层 {layer}，实体 {handle}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="274"/>
        <source>{layer} #{fid}</source>
        <translation>{layer} #{fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="292"/>
        <source>{where}: unreadable survey date {value}; left empty.</source>
        <translation>{where}：勘测日期 {value} 无法读取，已留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="316"/>
        <source>{file} has no closed polyline or polygon: no survey extent. Open polylines (close them in the drawing): {lines}</source>
        <translation>{file} 中没有闭合多段线或多边形，因而没有勘测范围。未闭合的多段线（请在图中将其闭合）：{lines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="320"/>
        <source>{file} has no polygon or closed polyline: no survey extent.</source>
        <translation>{file} 中没有多边形或闭合多段线，因而没有勘测范围。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="322"/>
        <source>{file}: open polylines are not extents and were left out: {lines}</source>
        <translation>{file}：未闭合的多段线不构成勘测范围，已舍弃：{lines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="325"/>
        <source>{file}: features that are neither polygons nor closed polylines were left out: {features}</source>
        <translation>{file}：已舍弃既非多边形也非闭合多段线的要素：{features}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="354"/>
        <source>{file}: invalid extents repaired (make_valid): {features}</source>
        <translation>{file}：已修复无效的勘测范围（make_valid）：{features}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="357"/>
        <source>{file}: extents without any area once repaired, left out: {features}</source>
        <translation>{file}：修复后面积为零的勘测范围，已舍弃：{features}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/survey_extents.py" line="360"/>
        <source>{file}: no extent has any area.</source>
        <translation>{file}：所有勘测范围面积均为零。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="166"/>
        <source>Give the survey round (e.g. 2026-1).</source>
        <translation>请填写勘测轮次（如 2026-1）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="169"/>
        <source>The round {round} is not written year-number (e.g. 2026-1).</source>
        <translation>轮次 {round} 不符合“年份-序号”格式（如 2026-1）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="174"/>
        <source>{method} is not a survey method (实测, 无人机, 井下测量).</source>
        <translation>{method} 不是有效的勘测方式（实测、无人机、井下测量）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="177"/>
        <source>{path} holds no survey file (GeoPackage, shapefile, GeoJSON, DXF).</source>
        <translation>{path} 中没有勘测文件（GeoPackage、shapefile、GeoJSON、DXF）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="181"/>
        <source>{files} already recorded in round {round}; nothing was written.</source>
        <translation>{files} 已记入轮次 {round}；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="195"/>
        <source>The survey round {round} was not recorded:</source>
        <translation>勘测轮次 {round} 未记录：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="201"/>
        <source>Licence numbers not in the database, matched by location instead: {numbers}</source>
        <translation>以下许可证号不在数据库中，已改按位置匹配：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="208"/>
        <source>{where}: its field says round {own}; recorded in round {round}.</source>
        <translation>{where}：其字段注明的轮次为 {own}；已记入轮次 {round}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/surveys.py" line="227"/>
        <source>Extents matching no licence (recorded without one; the comparison holds them against every licence): {extents}</source>
        <translation>未匹配许可证的勘测范围（记录时不关联许可证；比对时与所有许可证比对）：{extents}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="488"/>
        <source>Notice {notice_no} was issued for licence {theirs}, not for this patch&apos;s licence {ours}.</source>
        <translation>整改通知书 {notice_no} 是针对许可证 {theirs} 下发的，而非本图斑的许可证 {ours}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/notices.py" line="164"/>
        <source>The document-number prefix is empty: set it in the notice template.</source>
        <translation>文号前缀为空：请在通知书模板中设置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/notices.py" line="173"/>
        <source>Notice {number} was not recorded; its number is not used.</source>
        <translation>整改通知书 {number} 未登记；该文号未被占用。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/notices.py" line="186"/>
        <source>Say why notice {number} is voided: a notice is voided with its reason.</source>
        <translation>请说明作废整改通知书 {number} 的理由：作废通知书须注明理由。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/notices.py" line="192"/>
        <source>There is no notice {number} in {path}.</source>
        <translation>{path} 中没有整改通知书 {number}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/notices.py" line="194"/>
        <source>Notice {number} is already voided.</source>
        <translation>整改通知书 {number} 已作废。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="257"/>
        <source>No patrol route could be read from {path}; nothing was recorded.</source>
        <translation>无法从 {path} 读取任何巡查路线；未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="267"/>
        <source>The photo folder {folder} does not exist.</source>
        <translation>照片文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="178"/>
        <source>{kind} is not an inspection kind.</source>
        <translation>{kind} 不是有效的巡查核查类型。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="308"/>
        <source>{file}: {route} has fewer than two distinct positions; it is not a route.</source>
        <translation>{file}：{route} 中不重复的位置点少于两个，不构成路线。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="317"/>
        <source>{file}: {route} of {start} is already recorded; skipped.</source>
        <translation>{file}：{start} 的 {route} 已有记录；已跳过。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="328"/>
        <source>{file}: {route} names licence {licence}, which is not in the database.</source>
        <translation>{file}：{route} 注明了许可证 {licence}，但数据库中没有该许可证。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="338"/>
        <source>{file}: {route} names licence {licence} but passes no closer than {distance} m to it.</source>
        <translation>{file}：{route} 注明了许可证 {licence}，但路线距该许可证范围最近也有 {distance} 米。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="347"/>
        <source>{file}: {route} names no licence and passes no licence within {distance} m; it is recorded without a mine.</source>
        <translation>{file}：{route} 未注明许可证，且 {distance} 米内未经过任何许可证范围；记录为不关联矿山的巡查。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="378"/>
        <source>No new patrol to record ({skipped} already recorded, {refused} refused); nothing was written.</source>
        <translation>没有需要记录的新巡查（{skipped} 条已有记录，{refused} 条被拒收）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="124"/>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="685"/>
        <source>Photo {photo} has no GPS position: it is kept, linked to its patrol, but not placed on the map.</source>
        <translation>照片 {photo} 没有 GPS 位置：已保留并关联到所属巡查，但未在地图上定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="466"/>
        <source>Photo {photo} has no GPS position and no patrol fits it: it is kept, not placed.</source>
        <translation>照片 {photo} 没有 GPS 位置，也不匹配任何巡查：已保留，未定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="475"/>
        <source>Photo {photo} fits no patrol of this batch (time, place): it is kept under {folder}.</source>
        <translation>照片 {photo} 与本批次的任何巡查（时间、地点）均不匹配：已保存在 {folder} 下。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="142"/>
        <source>{font} ({path}) is skipped: its outlines are {kind}, which reportlab cannot embed; use a TrueType font.</source>
        <translation>已跳过 {font}（{path}）：其字形轮廓为 {kind}，reportlab 无法嵌入；请使用 TrueType 字体。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="205"/>
        <source>The {role} font {path} chosen in the settings does not exist; another is used.</source>
        <translation>设置中选择的 {role} 字体 {path} 不存在；已改用其他字体。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="210"/>
        <source>The {role} font {path} chosen in the settings has {kind} outlines, which reportlab cannot embed; another is used.</source>
        <translation>设置中选择的 {role} 字体 {path} 为 {kind} 轮廓，reportlab 无法嵌入；已改用其他字体。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="229"/>
        <source>No Chinese TrueType font was found for the documents. Install one: on Windows the system fonts (simfang.ttf, simsun.ttc, simhei.ttf); on Debian/Ubuntu `apt install fonts-arphic-uming fonts-wqy-zenhei`; or choose a .ttf/.ttc file in the plugin&apos;s settings.</source>
        <translation>未找到可用于文书的中文 TrueType 字体。请安装：Windows 上使用系统字体（simfang.ttf、simsun.ttc、simhei.ttf）；Debian/Ubuntu 上运行 `apt install fonts-arphic-uming fonts-wqy-zenhei`；或在插件设置中选择 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/notice.py" line="199"/>
        <source>{number}: the character {char} (U+{code:04X}) of &quot;{text}&quot; is in none of the fonts found; it is printed as [U+{code:04X}]. Choose a font that has it in the settings.</source>
        <translation>{number}：“{text}”中的字符 {char}（U+{code:04X}）在已找到的字体中均不存在，将印为 [U+{code:04X}]。请在设置中选择包含该字符的字体。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="38"/>
        <source>The template {path} cannot be read: {reason}</source>
        <translation>无法读取模板 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="40"/>
        <source>The template {path} is not valid JSON (line {line}): {reason}</source>
        <translation>模板 {path} 不是有效的 JSON（第 {line} 行）：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="45"/>
        <source>The template {path} must hold a JSON object.</source>
        <translation>模板 {path} 的内容必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="56"/>
        <source>The template {path} leaves {keys} empty.</source>
        <translation>模板 {path} 中 {keys} 为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="62"/>
        <source>deadline_days in the template must be a whole number of days.</source>
        <translation>模板中的 deadline_days 必须是整数天数。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="146"/>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="124"/>
        <source>{count} licence number(s) appear more than once among the mining rights; each mine is checked once, with the status of its first row: {numbers}</source>
        <translation>采矿权中有 {count} 个许可证号重复出现；每个矿山只检查一次，采用其第一行的生产状态：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="137"/>
        <source>{count} mine(s) have a status that is neither a code (producing, suspended, construction, closed) nor a label (在产, 停产, 基建, 关闭): no patrol frequency, no period checked: {mines}</source>
        <translation>{count} 个矿山的生产状态既不是代码（producing、suspended、construction、closed）也不是中文名称（在产、停产、基建、关闭）：无法确定巡查频次，未检查任何期次：{mines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="159"/>
        <source>{count} inspection(s) have no licence number and are not counted: {rows}</source>
        <translation>{count} 条巡查核查记录没有许可证号，未计入：{rows}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="165"/>
        <source>{count} inspection(s) name {numbers} licence number(s) that are not among the mining rights; they are not counted (inspections per number in brackets): {named}</source>
        <translation>{count} 条巡查核查记录涉及 {numbers} 个不在采矿权中的许可证号，未计入（括号内为各许可证号的记录数）：{named}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="173"/>
        <source>{count} inspection(s) have no readable date in {field} and are not counted: {rows}</source>
        <translation>{count} 条巡查核查记录的 {field} 中没有可读取的日期，未计入：{rows}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/compliance.py" line="233"/>
        <source>unknown status: no patrol frequency</source>
        <translation>生产状态未知：无法确定巡查频次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="131"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="207"/>
        <source> and {count} more</source>
        <translation>，另有 {count} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="187"/>
        <source>extent {n}</source>
        <translation>勘测范围 {n}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="231"/>
        <source>excluded parcel, corners {corners}</source>
        <translation>扣除地块，拐点 {corners}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="233"/>
        <source>parcel {part}, corners {corners}</source>
        <translation>地块 {part}，拐点 {corners}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="734"/>
        <source>Licence numbers the licence layer does not have (matched by location): {numbers}</source>
        <translation>许可证图层中没有的许可证号（已按位置匹配）：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="774"/>
        <source>{distance} m beyond the boundary near corners {corners}</source>
        <translation>在拐点 {corners} 附近超出边界 {distance} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="774"/>
        <source>outside every licence</source>
        <translation>不在任何许可证范围内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="828"/>
        <source>Not surveyed in the previous round, growth not computed: {mines}</source>
        <translation>上一轮未勘测，未计算新增范围：{mines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="835"/>
        <source>{m} m above the licensed top</source>
        <translation>高于批准开采标高上限 {m} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="837"/>
        <source>{m} m below the licensed bottom</source>
        <translation>低于批准开采标高下限 {m} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="840"/>
        <source>matches no licence</source>
        <translation>未匹配许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="842"/>
        <source>{area} m² outside the licence, up to {distance} m beyond</source>
        <translation>超出许可证范围 {area} m²，最远超出 {distance} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="847"/>
        <source>works {distance} m from the boundary</source>
        <translation>采掘工程距边界 {distance} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="849"/>
        <source>grew toward or across the boundary</source>
        <translation>向边界扩展或越过边界</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey.py" line="879"/>
        <source>Extents matching no licence, held against every licence: {extents}</source>
        <translation>未匹配许可证的勘测范围，已与所有许可证比对：{extents}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="125"/>
        <source>producing</source>
        <translation>在产</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="126"/>
        <source>suspended</source>
        <translation>停产</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="127"/>
        <source>under construction</source>
        <translation>基建</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="128"/>
        <source>closed down</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="131"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="132"/>
        <source>abnormal list</source>
        <translation>异常名录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="133"/>
        <source>serious dishonesty list</source>
        <translation>严重违法失信名单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="136"/>
        <source>open pit</source>
        <translation>露天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="137"/>
        <source>underground</source>
        <translation>地下</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="138"/>
        <source>open pit + underground</source>
        <translation>露天+地下</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="141"/>
        <source>within licence</source>
        <translation>证内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="142"/>
        <source>suspected out-of-bounds mining</source>
        <translation>疑似越界开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="143"/>
        <source>suspected mining on an expired licence</source>
        <translation>疑似证照过期开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="144"/>
        <source>suspected unlicensed mining</source>
        <translation>疑似无证开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="155"/>
        <source>satellite imagery</source>
        <translation>卫片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="156"/>
        <source>patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="157"/>
        <source>tip-off</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="158"/>
        <source>assigned by higher authority</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="161"/>
        <source>legal</source>
        <translation>合法</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="162"/>
        <source>illegal</source>
        <translation>违法</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="218"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="166"/>
        <source>unlicensed mining</source>
        <translation>无证开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="167"/>
        <source>out-of-bounds mining</source>
        <translation>越界开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="168"/>
        <source>mining beyond the licensed mineral or method</source>
        <translation>超范围开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="169"/>
        <source>illegal transfer</source>
        <translation>非法转让</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="170"/>
        <source>mining under the cover of construction or restoration</source>
        <translation>以工程建设或治理为名开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="173"/>
        <source>destructive mining</source>
        <translation>破坏性开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="174"/>
        <source>occupying farmland / basic farmland</source>
        <translation>占用耕地/基本农田</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="175"/>
        <source>ecological damage</source>
        <translation>破坏生态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="176"/>
        <source>other violation</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="213"/>
        <source>routine patrol</source>
        <translation>日常巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="180"/>
        <source>field check</source>
        <translation>实地核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="214"/>
        <source>special survey</source>
        <translation>专项勘测</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="182"/>
        <source>joint spot check</source>
        <translation>联合抽查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="185"/>
        <source>ministry</source>
        <translation>部</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="186"/>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="187"/>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="188"/>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="191"/>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="192"/>
        <source>damaged</source>
        <translation>损毁</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="193"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="196"/>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="197"/>
        <source>drone</source>
        <translation>无人机</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="198"/>
        <source>underground survey</source>
        <translation>井下测量</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="201"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="202"/>
        <source>served</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="203"/>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="204"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="207"/>
        <source>not struck off</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="100"/>
        <source>The ratio must be above 0 and at most 1 (0.2 draws 20 % of the mines); got {ratio}.</source>
        <translation>抽取比例须大于 0 且不超过 1（0.2 表示抽取 20% 的矿山）；当前为 {ratio}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="136"/>
        <source>{count} licence number(s) appear more than once; each is drawn from once: {numbers}</source>
        <translation>{count} 个许可证号重复出现；每个只参与一次抽取：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="142"/>
        <source>{count} mine(s) have a status that is neither a code (producing, suspended, construction, closed) nor a label (在产, 停产, 基建, 关闭); they are drawn from in a stratum of their own: {mines}</source>
        <translation>{count} 个矿山的生产状态既不是代码（producing、suspended、construction、closed）也不是中文名称（在产、停产、基建、关闭）；这些矿山单独作为一层参与抽取：{mines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="147"/>
        <source>{count} mine(s) have a credit status that is neither a code (normal, abnormal_list, serious_dishonesty) nor a label (正常, 异常名录, 严重违法失信名单); they are not forced into the draw for it: {mines}</source>
        <translation>{count} 个矿山的信用状态既不是代码（normal、abnormal_list、serious_dishonesty）也不是中文名称（正常、异常名录、严重违法失信名单）；不因信用状态强制纳入抽取：{mines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="177"/>
        <source>holder on the serious-dishonesty list</source>
        <translation>采矿权人列入严重违法失信名单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="178"/>
        <source>holder on the abnormal list</source>
        <translation>采矿权人列入异常名录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="179"/>
        <source>flagged by a patch, an audit or an inspection</source>
        <translation>因图斑、审计或巡查核查被标记</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="180"/>
        <source>random draw among producing mines</source>
        <translation>在产矿山中随机抽取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="181"/>
        <source>random draw among suspended mines</source>
        <translation>停产矿山中随机抽取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="182"/>
        <source>random draw among mines under construction</source>
        <translation>基建矿山中随机抽取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="183"/>
        <source>random draw among closed mines</source>
        <translation>关闭矿山中随机抽取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/sampling.py" line="184"/>
        <source>random draw among mines of unknown status</source>
        <translation>生产状态未知的矿山中随机抽取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/compliance.py" line="62"/>
        <source>The period needs a start and an end date.</source>
        <translation>检查期间须有起始日期和截止日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/compliance.py" line="64"/>
        <source>The period ends ({end}) before it starts ({start}): give PERIOD_END on or after PERIOD_START.</source>
        <translation>检查期间的截止日期（{end}）早于起始日期（{start}）：PERIOD_END 不得早于 PERIOD_START。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="58"/>
        <source>County code</source>
        <translation>行政区代码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="61"/>
        <source>Declared area</source>
        <translation>属性面积</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="64"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="107"/>
        <source>Patch field</source>
        <translation>图斑字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="107"/>
        <source>Field in the file</source>
        <translation>文件中的字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="228"/>
        <source>Usual field names: {names}</source>
        <translation>常用字段名：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="197"/>
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="200"/>
        <source>(automatic: {fields})</source>
        <translation>（自动：{fields}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="200"/>
        <source>(automatic: none found)</source>
        <translation>（自动：未找到）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="276"/>
        <source>Field mapping</source>
        <translation>字段对应关系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="306"/>
        <source>The fields of the file cannot be listed: {reason}</source>
        <translation>无法列出文件的字段：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/field_mapping_widget.py" line="60"/>
        <source>After-imagery date</source>
        <translation>后时相日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="197"/>
        <source>body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/fonts.py" line="197"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="196"/>
        <source>Connect to shared database…</source>
        <translation>连接共享数据库…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="208"/>
        <source>Record patrol…</source>
        <translation>记录巡查…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="209"/>
        <source>Check boundary corners</source>
        <translation>拐点核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="216"/>
        <source>Document settings…</source>
        <translation>文书设置…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="159"/>
        <source>Connect to shared database</source>
        <translation>连接共享数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="164"/>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL 连接</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="165"/>
        <source>Create the supervision schema in this empty database</source>
        <translation>在这个空数据库中创建监管数据库结构</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="173"/>
        <source>Connections are made in QGIS&apos;s Data Source Manager (PostgreSQL). Use an authentication configuration or a service there: the plugin never stores a password in the project.</source>
        <translation>连接在 QGIS 的数据源管理器（PostgreSQL）中创建。请在其中使用认证配置或服务：插件从不在工程中保存密码。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="173"/>
        <source>QGIS has no PostgreSQL connection yet: add one in the Data Source Manager (PostgreSQL), with an authentication configuration or a service, then come back here.</source>
        <translation>QGIS 还没有 PostgreSQL 连接：请先在数据源管理器（PostgreSQL）中添加一个，使用认证配置或服务，然后再回到这里。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="181"/>
        <source>Document settings</source>
        <translation>文书设置</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="93"/>
        <source>Issuing authority</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="94"/>
        <source>Document-number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="96"/>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="97"/>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="98"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="99"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="100"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="101"/>
        <source>Contact address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="106"/>
        <source>Body text font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="107"/>
        <source>Title font</source>
        <translation>标题字体</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="108"/>
        <source>None: every Chinese font found can be embedded.</source>
        <translation>无：找到的中文字体均可嵌入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="112"/>
        <source>Fonts skipped</source>
        <translation>未采用的字体</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="113"/>
        <source>Saved in {path}</source>
        <translation>保存位置：{path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="125"/>
        <source>e.g. {number}</source>
        <translation>例如 {number}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="131"/>
        <source>(automatic: the best found)</source>
        <translation>（自动：选用找到的最合适字体）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="144"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="150"/>
        <source>A TrueType font</source>
        <translation>选择 TrueType 字体</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="150"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="159"/>
        <source>{path} cannot be used: its outlines are {kind}, which reportlab cannot embed; choose a TrueType font.</source>
        <translation>{path} 无法使用：其字形轮廓为 {kind}，reportlab 无法嵌入；请选择 TrueType 字体。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/document_settings.py" line="194"/>
        <source>Document settings saved in {path}.</source>
        <translation>文书设置已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="61"/>
        <source>Record patrol</source>
        <translation>巡查记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="289"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Mines</source>
        <translation>矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="97"/>
        <source>Patch numbers, separated by commas</source>
        <translation>图斑编号，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="98"/>
        <source>Patches</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="101"/>
        <source>Checklist (seed 002)</source>
        <translation>巡查重点内容</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="109"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="109"/>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="52"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="126"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="129"/>
        <source>GPS routes (*.gpx *.GPX *.csv *.CSV)</source>
        <translation>GPS路线 (*.gpx *.GPX *.csv *.CSV)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="130"/>
        <source>Route (GPX or flight log)</source>
        <translation>路线（GPX或飞行日志）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="264"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.tif);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="248"/>
        <source>Patrol of {date} recorded: {mines} mine(s), {photos} photo(s).</source>
        <translation>已记录{date}的巡查：矿山{mines}个，照片{photos}张。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="307"/>
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="198"/>
        <source>{count} period(s) overdue</source>
        <translation>逾期{count}期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="404"/>
        <source>No patrol in: {periods}</source>
        <translation>未巡查：{periods}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="77"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="639"/>
        <source>List year</source>
        <translation>名单年度</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="191"/>
        <source>Field-check list</source>
        <translation>实地核查名单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="168"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="153"/>
        <source>{count} mine(s) of this zone are overdue for a patrol in the period.</source>
        <translation>本矿区有{count}个矿山在期间内巡查逾期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="191"/>
        <source>Patrolled</source>
        <translation>已巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="192"/>
        <source>Last patrol</source>
        <translation>最近巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="192"/>
        <source>Patrols short of corners</source>
        <translation>拐点核查不足的巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="216"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="233"/>
        <source>{count} routine patrol(s) in the period checked fewer than 3 boundary corners of this mine.</source>
        <translation>期间内有{count}次日常巡查核查本矿拐点少于3个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="46"/>
        <source>Key monitoring zones</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="285"/>
        <source>List of </source>
        <translation>名单年度 </translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="288"/>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="291"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="293"/>
        <source>Import zones from a polygon layer of the project, mapping its fields</source>
        <translation>从工程中的面图层导入监测矿区并对应字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="294"/>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="296"/>
        <source>Draw a zone on the map with QGIS&apos;s digitizing; its form asks name, level and year</source>
        <translation>用QGIS数字化工具在地图上绘制监测矿区；表单填写名称、级别和年度</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="347"/>
        <source>Double-click a mine to zoom to its licence</source>
        <translation>双击矿山缩放到其采矿权范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="352"/>
        <source>Patrol overdue in the period</source>
        <translation>期间内巡查逾期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="438"/>
        <source>The period ends before it starts.</source>
        <translation>期间结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="448"/>
        <source>Computing the zones' patrol compliance…</source>
        <translation>正在计算监测矿区的巡查频次…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="449"/>
        <source>Key monitoring zones: patrol compliance</source>
        <translation>重点监测矿区：巡查频次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="458"/>
        <source>The zones could not be read: {reason}</source>
        <translation>无法读取监测矿区：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="480"/>
        <source>Open a supervision database to see its key monitoring zones.</source>
        <translation>打开监管数据库以查看重点监测矿区。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="491"/>
        <source>No key monitoring zone is in force in {year}: import or draw the year&apos;s list.</source>
        <translation>{year}年没有适用的重点监测矿区：请导入或绘制当年名单。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="494"/>
        <source>{zones} zone(s) in force in {year}: {mines} mine(s), {listed} on the field-check list, {overdue} overdue for a patrol ({start} to {end}).</source>
        <translation>{year}年适用监测矿区{zones}个：矿山{mines}个，实地核查名单{listed}个，巡查逾期{overdue}个（{start}至{end}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="521"/>
        <source>Select a zone to see its mines.</source>
        <translation>选择监测矿区以查看其矿山。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="526"/>
        <source>{zone} ({level}): {count} mine(s), {producing} producing on the {year} field-check list, {others} other(s).</source>
        <translation>{zone}（{level}）：矿山{count}个，在产{producing}个列入{year}年实地核查名单，其他{others}个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="532"/>
        <source>{count} overdue for a patrol.</source>
        <translation>{count}个巡查逾期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="593"/>
        <source>{count} zone(s) imported.</source>
        <translation>已导入{count}个监测矿区。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="613"/>
        <source>Draw the zone on the map (right-click finishes); its form asks the name, level and year. Save the layer&apos;s edits to keep it.</source>
        <translation>在地图上绘制监测矿区（右键结束），在表单中填写名称、级别和年度；保存图层编辑后生效。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="626"/>
        <source>Import key monitoring zones</source>
        <translation>导入重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="637"/>
        <source>Polygon layer</source>
        <translation>面图层</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="639"/>
        <source>Zone name</source>
        <translation>矿区名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="640"/>
        <source>Zone field</source>
        <translation>矿区字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="640"/>
        <source>Field in the layer</source>
        <translation>图层字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="646"/>
        <source>(from the layer)</source>
        <translation>（取自图层）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="649"/>
        <source>Level where the layer has none</source>
        <translation>图层无级别时采用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="653"/>
        <source>(every year)</source>
        <translation>（各年度）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="655"/>
        <source>List year where the layer has none</source>
        <translation>图层无年度时采用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/zones_dock.py" line="687"/>
        <source>{layer}, feature {fid}</source>
        <translation>{layer}，要素{fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="150"/>
        <source>Check boundary corners: choose a mine</source>
        <translation>拐点核查：选择矿山</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="152"/>
        <source>Mine (type part of the licence number or the name):</source>
        <translation>矿山（输入许可证号或名称的一部分）：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="185"/>
        <source>{count} corner(s) checked</source>
        <translation>已核查{count}个拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="204"/>
        <source>Corner check: {licence} corner {corner}</source>
        <translation>拐点核查：{licence} {corner}号拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="210"/>
        <source>{mine} ({licence}), parcel {parcel}, corner {corner}.
Licensed: N {north}  E {east}  ({crs})</source>
        <translation>{mine}（{licence}），地块{parcel}，{corner}号拐点。
证载：N {north}  E {east}（{crs}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="219"/>
        <source>Paste the receiver&apos;s text, e.g. J3,3851234.56,38512345.67,1203.4</source>
        <translation>粘贴接收机文本，如 J3,3851234.56,38512345.67,1203.4</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="221"/>
        <source>From the receiver</source>
        <translation>从RTK接收机粘贴</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="227"/>
        <source>N (northing)</source>
        <translation>N（北坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="230"/>
        <source>E (easting)</source>
        <translation>E（东坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="235"/>
        <source>Pick on map</source>
        <translation>在地图上拾取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="237"/>
        <source>Close this form, click the measured position on the map, and come back</source>
        <translation>关闭本表，在地图上点击实测位置后返回</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="240"/>
        <source>Measured N, E</source>
        <translation>实测N、E</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="250"/>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="251"/>
        <source>The point is right: record it without judging it</source>
        <translation>实测点无误：记录但不作判定</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="258"/>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="261"/>
        <source>Boundary stake</source>
        <translation>界桩</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="265"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="271"/>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="277"/>
        <source>New patrol…</source>
        <translation>新建巡查…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="279"/>
        <source>Attach to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="294"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="340"/>
        <source>Give both N and E as numbers.</source>
        <translation>请以数字填写N和E。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="347"/>
        <source>(zone prefix added to E)</source>
        <translation>（E已补加带号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="368"/>
        <source>With this check the patrol has {count} corner check(s) of this mine; at least {minimum} are required.</source>
        <translation>加上本次核查，该巡查共核查本矿{count}个拐点；至少应核查{minimum}个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="373"/>
        <source>With this check the patrol has {count} corner checks of this mine.</source>
        <translation>加上本次核查，该巡查共核查本矿{count}个拐点。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="430"/>
        <source>Open a supervision database first: the corner checks are stored in it.</source>
        <translation>请先打开监管数据库：拐点核查记录保存在其中。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="472"/>
        <source>The database has no licences: import licence coordinates first.</source>
        <translation>数据库中没有采矿权：请先导入拐点坐标。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="488"/>
        <source>Licence {licence} has no corners in the database.</source>
        <translation>数据库中没有采矿权{licence}的拐点。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="495"/>
        <source>{mine} ({licence}): click near a corner to check it; right-click to choose another mine.</source>
        <translation>{mine}（{licence}）：在拐点附近点击进行核查；右键选择其他矿山。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="526"/>
        <source>{deviation} m</source>
        <translation>{deviation}米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="572"/>
        <source>No corner of {licence} within {pixels} pixels; click closer to a numbered corner.</source>
        <translation>{pixels}像素内没有{licence}的拐点；请靠近编号拐点点击。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="596"/>
        <source>Click the measured position of corner {corner} on the map.</source>
        <translation>请在地图上点击{corner}号拐点的实测位置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/corner_check_tool.py" line="617"/>
        <source>Corner {corner} of {licence} checked: {verdict}</source>
        <translation>{licence} {corner}号拐点已核查：{verdict}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="77"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="342"/>
        <source>Notice {number} is overdue: its deadline {deadline} has passed.</source>
        <translation>通知书 {number} 已逾期：整改期限 {deadline} 已过。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="345"/>
        <source>{number} (overdue)</source>
        <translation>{number}（逾期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="285"/>
        <source>Patrols overdue this year</source>
        <translation>本年巡查逾期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="287"/>
        <source>Mines with a required month (producing) or quarter (others) without a patrol</source>
        <translation>应巡查的月份（在产）或季度（其他）中有未巡查的矿山</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="395"/>
        <source>Patrol overdue</source>
        <translation>巡查逾期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="516"/>
        <source>Mining rights: patrol compliance</source>
        <translation>采矿权：巡查频次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="526"/>
        <source>Patrol compliance could not be computed: {reason}</source>
        <translation>无法计算巡查频次：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="46"/>
        <source>Issuing {count} rectification notices</source>
        <translation>正在制发 {count} 份整改通知书</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="93"/>
        <source>{count} rectification notices issued ({numbers}) in {folder}.</source>
        <translation>已制发 {count} 份整改通知书（{numbers}），保存在 {folder}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="96"/>
        <source>The notices stopped: {reason}. {count} notices issued before are kept; no number was used for the one that failed.</source>
        <translation>制发中止：{reason}。此前已制发的 {count} 份保留；失败的一份未占用文号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="99"/>
        <source>Notices cancelled after {count} of {total}: those are whole, numbered and recorded; nothing else was written.</source>
        <translation>已取消制发，共 {total} 份中完成 {count} 份：这些通知书完整、已编号并登记；未写入其他文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="112"/>
        <source>Issue rectification notices</source>
        <translation>制发整改通知书</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="116"/>
        <source>The {count} selected patches</source>
        <translation>所选的 {count} 个图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="118"/>
        <source>Every determined violation of the database</source>
        <translation>数据库中所有已认定的违法图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="133"/>
        <source>Folder for the PDFs</source>
        <translation>PDF 保存文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="134"/>
        <source>Issue date</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="141"/>
        <source>Issue</source>
        <translation>制发</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="165"/>
        <source>{notices} notices (one per holder) for {patches} patches.</source>
        <translation>{notices} 份通知书（每个采矿权人一份），涉及 {patches} 个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="168"/>
        <source>Left out, their notice already issued (void it to issue another): {patches}</source>
        <translation>未纳入（已制发通知书，如需重新制发请先作废）：{patches}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="172"/>
        <source>Left out, no holder to serve or no violation pre-judged: {patches}</source>
        <translation>未纳入（无可送达的采矿权人或预判不属违法）：{patches}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="186"/>
        <source>Issue notices…</source>
        <translation>制发整改通知书…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="188"/>
        <source>Rectification notices (PDF, numbered and recorded) for the selected patches or every determined violation, one per holder.</source>
        <translation>为所选图斑或所有已认定的违法图斑制发整改通知书（PDF，编号并登记），每个采矿权人一份。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="190"/>
        <source>Void notice…</source>
        <translation>作废通知书…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="192"/>
        <source>Void the current patch&apos;s notice, with the reason; its number is never given again.</source>
        <translation>作废当前图斑的整改通知书并注明理由；其文号不再使用。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="238"/>
        <source>The current patch has no notice to void.</source>
        <translation>当前图斑没有可作废的整改通知书。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="240"/>
        <source>Void notice {number}</source>
        <translation>作废通知书 {number}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="240"/>
        <source>Notice {number} will be voided: its number is never given again, its patches are freed for a new notice. Why is it voided?</source>
        <translation>将作废通知书 {number}：其文号不再使用，所涉图斑可重新制发通知书。作废理由是什么？</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/notice_actions.py" line="250"/>
        <source>Notice {number} voided: {reason}</source>
        <translation>通知书 {number} 已作废：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="16"/>
        <source>Push a GeoPackage into the shared database</source>
        <translation>将 GeoPackage 推送到共享数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="19"/>
        <source>Copies every table of a supervision GeoPackage (licences, patches and their workflow log, patrols, notices, the ledger, the audit log, the document-number counters) into an empty PostgreSQL/PostGIS database, in one transaction: everything arrives, with the counts checked, or nothing does. DATABASE is the name of a QGIS PostgreSQL connection, service=… or dbname=… host=… port=… user=…; its schema is created when it has none. The GeoPackage is only read.</source>
        <translation>将监管 GeoPackage 的每个表（采矿权、图斑及其流程记录、巡查、整改通知书、问题台账、操作日志、文号计数）复制到一个空的 PostgreSQL/PostGIS 数据库中，在一个事务内完成：要么全部到达并核对条数，要么什么都不写入。DATABASE 为 QGIS PostgreSQL 连接的名称、service=… 或 dbname=… host=… port=… user=…；若尚无数据库结构则先创建。GeoPackage 只读不改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="28"/>
        <source>Supervision GeoPackage</source>
        <translation>监管 GeoPackage</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="31"/>
        <source>Shared database (PostgreSQL connection)</source>
        <translation>共享数据库（PostgreSQL 连接）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="34"/>
        <source>Rows pushed</source>
        <translation>推送的记录数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="35"/>
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="94"/>
        <source>{table}: {count} rows</source>
        <translation>{table}：{count} 条</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/push_database.py" line="47"/>
        <source>{count} rows pushed into {database}.</source>
        <translation>已向 {database} 推送 {count} 条记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/set_attachments_folder.py" line="15"/>
        <source>Set the attachments folder of a shared database</source>
        <translation>设置共享数据库的附件文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/set_attachments_folder.py" line="18"/>
        <source>A GeoPackage keeps its patrol photos in a folder beside itself; a shared PostgreSQL/PostGIS database keeps them in a folder every user reaches (a network share), named here once by its administrator. Stored photo paths are relative to the folder&apos;s parent, so a share mounted elsewhere is set again here and every link follows.</source>
        <translation>GeoPackage 的巡查照片保存在其旁边的文件夹中；共享的 PostgreSQL/PostGIS 数据库则把照片保存在所有用户都能访问的文件夹（网络共享）中，由管理员在此设置一次。照片路径相对于该文件夹的上级目录保存，因此共享挂载到其他位置时在此重新设置即可，所有链接随之更新。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/set_attachments_folder.py" line="27"/>
        <source>Attachments folder (a network share)</source>
        <translation>附件文件夹（网络共享）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/set_attachments_folder.py" line="29"/>
        <source>Attachments folder</source>
        <translation>附件文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/set_attachments_folder.py" line="38"/>
        <source>The photos of {database} are kept in {folder}.</source>
        <translation>{database} 的照片保存在 {folder}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="38"/>
        <source>Give the shared database: a service (service=...) or dbname=... host=... user=...</source>
        <translation>请填写共享数据库：服务名（service=...）或 dbname=... host=... user=...</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="40"/>
        <source>The connection {connection} holds a password, which Processing would record in its history: use a service (pg_service.conf) or a .pgpass file for the administrator&apos;s password.</source>
        <translation>连接 {connection} 中含有密码，处理工具会把它记入历史记录：请用服务文件（pg_service.conf）或 .pgpass 文件保存管理员密码。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="54"/>
        <source>Create a login on the shared database</source>
        <translation>在共享数据库中创建账号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="57"/>
        <source>Creates a PostgreSQL login for a county, city or province on the shared supervision database (run as its administrator: DATABASE is a service, or dbname=... host=... user=... with the password in a .pgpass file). A county reads and writes only the rows of its administrative code; a city reads its counties and writes its spot checks; a province reads everything. A strong password is generated and written only to CREDENTIALS (a text file readable by you alone) to hand to the user. An existing login of the same server is given access to this database instead, without a new password.</source>
        <translation>为县、市或省在共享监管数据库中创建 PostgreSQL 账号（以数据库管理员身份运行：DATABASE 为服务名，或 dbname=... host=... user=...，密码保存在 .pgpass 文件中）。县级账号只能读写本行政区代码的数据；市级账号可读取所辖各县的数据并录入本级抽查；省级账号可读取全部数据。系统生成强密码，只写入 CREDENTIALS（仅您本人可读的文本文件），请交给使用人。同一服务器上已有的账号则获准访问本数据库，不设新密码。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="67"/>
        <source>Shared database (as its administrator)</source>
        <translation>共享数据库（管理员身份）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="77"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="77"/>
        <source>Administrative code</source>
        <translation>行政区代码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="74"/>
        <source>Credentials sheet</source>
        <translation>账号信息单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="74"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="113"/>
        <source>Login {login} ({level} {code}) can now connect to {database}; its password is in {sheet}.</source>
        <translation>账号 {login}（{level} {code}）现在可以连接 {database}；密码见 {sheet}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_login.py" line="113"/>
        <source>The existing login {login} ({level} {code}) can now use {database}.</source>
        <translation>已有账号 {login}（{level} {code}）现在可以使用 {database}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="83"/>
        <source>GeoPackage (*.gpkg);;All files (*)</source>
        <translation>GeoPackage (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="110"/>
        <source>Supervision database (GeoPackage file or PostgreSQL connection)</source>
        <translation>监管数据库（GeoPackage 文件或 PostgreSQL 连接）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="116"/>
        <source>A .gpkg file, or the name of a QGIS PostgreSQL connection, or service=… or dbname=… host=… port=… user=…</source>
        <translation>.gpkg 文件，或 QGIS PostgreSQL 连接的名称，或 service=…，或 dbname=… host=… port=… user=…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="66"/>
        <source>Check out a county for field work</source>
        <translation>检出县（区）数据用于外业</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="69"/>
        <source>Copies one county of the shared (PostGIS) supervision database into a new GeoPackage for offline field work: its licences and patches (by administrative code) with their corners, workflow log, patrols, photos, corner checks, surveys, notices and ledger items, and the key monitoring zones. The checkout is recorded on the server; bring the copy back with &apos;Check in a field copy&apos;.</source>
        <translation>将共享（PostGIS）监管数据库中一个县（区）的数据复制到新的 GeoPackage，供离线外业使用：按行政区代码选取的采矿权和图斑，连同其拐点、流程记录、巡查、照片、拐点核查、专项勘测、整改通知书和台账，以及重点监测矿区。检出记录保存在服务器上；外业结束后用“检入外业副本”带回。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="78"/>
        <source>Administrative code of the county</source>
        <translation>县（区）行政区代码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="115"/>
        <source>Field copy</source>
        <translation>外业副本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="89"/>
        <source>Check out works on a shared (PostGIS) database; {path} is a GeoPackage.</source>
        <translation>检出只适用于共享（PostGIS）数据库；{path} 是 GeoPackage 文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="95"/>
        <source>County {county} checked out to {path}</source>
        <translation>县（区）{county} 已检出到 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="103"/>
        <source>Check in a field copy</source>
        <translation>检入外业副本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="121"/>
        <source>Check-in conflicts</source>
        <translation>检入冲突</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="122"/>
        <source>Rows updated</source>
        <translation>更新行数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="123"/>
        <source>Rows added</source>
        <translation>新增行数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="124"/>
        <source>Conflicts</source>
        <translation>冲突数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="147"/>
        <source>Deleted in the copy, kept on the server: {row}</source>
        <translation>副本中已删除、服务器上保留：{row}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="148"/>
        <source>Checked in: {updated} rows updated, {added} added, {conflicts} conflicts.</source>
        <translation>已检入：更新 {updated} 行，新增 {added} 行，冲突 {conflicts} 处。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="33"/>
        <source>Patrol summary of a year</source>
        <translation>年度巡查工作总结</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="36"/>
        <source>The year's patrol summary (年度巡查工作总结) from the supervision database: per mine, the patrols its status requires (monthly or quarterly) and those done on time, the inspections done, the boundary corners checked, the patrols with fewer than 3 corner checks, the problems found in the year and those struck off; a total row last (合计).</source>
        <translation>由监管数据库生成年度巡查工作总结：逐矿统计按生产状态应巡查次数（每月或每季度）与按期巡查次数、实际巡查次数、核查拐点数、拐点核查不足3处的巡查次数、年内发现问题数与已销号问题数；最后一行为合计。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="46"/>
        <source>Patrol summary</source>
        <translation>巡查工作总结</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="48"/>
        <source>Inspections done</source>
        <translation>实际巡查次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="48"/>
        <source>Corners checked</source>
        <translation>核查拐点数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="31"/>
        <source>Problems found</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="225"/>
        <source>Problems struck off</source>
        <translation>已销号问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="64"/>
        <source>{year}: {mines} mines, {patrols} inspections, {corners} corners checked, {problems} problems found, {closed} struck off.</source>
        <translation>{year}年：矿山 {mines} 座，巡查 {patrols} 次，核查拐点 {corners} 个，发现问题 {problems} 个，已销号 {closed} 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="76"/>
        <source>Two rates (两率) of a year or half-year</source>
        <translation>年度或半年“两率”统计</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="79"/>
        <source>The two rates of seed 001 §四(六) from the cases in the supervision database: the change rate of unlicensed exploration and mining cases against the same period of the year before, and the incidence rate of licence holders' violation cases per mining right in force. PERIOD: the whole year (reported in January) or its first half (reported in July). A case is a patch with a case number or a penalty decision whose case no patch carries.</source>
        <translation>按监管数据库中的案件统计 001 号文件第四（六）项的“两率”：无证勘查开采案件较上年同期的增减率，以及按有效矿业权数计算的矿业权人违法违规案件发生率。PERIOD：全年（1月报送）或上半年（7月报送）。案件指有案件编号的图斑，或其案件编号不在任何图斑上的行政处罚决定。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="90"/>
        <source>The whole year (January report)</source>
        <translation>全年（1月报送）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="90"/>
        <source>First half (July report)</source>
        <translation>上半年（7月报送）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="92"/>
        <source>Two rates</source>
        <translation>两率</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="94"/>
        <source>Unlicensed cases</source>
        <translation>无证勘查开采案件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="94"/>
        <source>Change rate of unlicensed cases (%)</source>
        <translation>无证勘查开采案件增减率(%)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="94"/>
        <source>Holders&apos; violation cases</source>
        <translation>矿业权人违法违规案件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="94"/>
        <source>Incidence rate of holders&apos; violations (%)</source>
        <translation>矿业权人违法违规案件发生率(%)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="114"/>
        <source>{period}: {unlicensed} unlicensed case(s) (same period last year: {before}; change rate {change}); {holders} holders&apos; case(s) for {rights} mining rights (incidence rate {incidence}).</source>
        <translation>{period}：无证勘查开采案件 {unlicensed} 件（上年同期 {before} 件，增减率 {change}）；矿业权人违法违规案件 {holders} 件，矿业权 {rights} 个（发生率 {incidence}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="114"/>
        <source>none (no case last year)</source>
        <translation>无（上年同期无案件）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="67"/>
        <source>Import administrative penalty cases</source>
        <translation>导入行政处罚案件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="70"/>
        <source>Records penalty decisions (行政处罚) in the supervision database: INPUT is any table or CSV with decision_no, party, decided_on and optionally license_no, patch_no, case_no, violation_type, penalty, fine_yuan, note (Chinese headers accepted). Nothing is recorded when a row is bad; every bad row is named. Then every patch determined illegal is checked against seed 003: a party with two or more penalties for illegal mining within two years before a new illegal mining is flagged for transfer to the judiciary (移送司法机关).</source>
        <translation>把行政处罚决定记入监管数据库：INPUT 为含 decision_no、party、decided_on 字段（可选 license_no、patch_no、case_no、violation_type、penalty、fine_yuan、note；可用中文表头）的任意表格或 CSV。有一行有误则全部不记录，并逐行指出错误。随后按 003 号文件检查每个判定为违法的图斑：同一违法主体二年内曾因非法采矿受过两次以上行政处罚、又实施非法采矿的，标记为需移送司法机关。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="80"/>
        <source>Penalty decisions (decision_no, party, decided_on…)</source>
        <translation>处罚决定（decision_no、party、decided_on…）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="83"/>
        <source>Cases recorded</source>
        <translation>已记录案件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="84"/>
        <source>Patches to transfer to the judiciary</source>
        <translation>需移送司法机关的图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="85"/>
        <source>Patches to transfer (numbers)</source>
        <translation>需移送图斑（编号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="98"/>
        <source>{cases} penalty case(s) recorded; patches to transfer to the judiciary: {patches}</source>
        <translation>已记录处罚案件 {cases} 件；需移送司法机关的图斑：{patches}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="108"/>
        <source>Update the problem ledger from patrols, corner checks and surveys</source>
        <translation>根据巡查、拐点核查和专项勘测更新问题台账</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="111"/>
        <source>Adds to the problem ledger (问题台账) of the database every problem not yet in it: patrols whose finding records a problem, boundary-corner checks with a damaged or missing stake (or not passed), special survey rounds with works outside the licence or beyond its licensed depth. Each problem's deadline is the day it was found plus DEADLINE_DAYS. Run it again after each import: no problem is added twice.</source>
        <translation>把数据库中尚未入账的问题加入问题台账：巡查发现问题的巡查记录、界桩损毁或缺失（或不合格）的拐点核查、开采范围超出矿区范围或超出许可标高的专项勘测轮次。每个问题的整改期限为发现日期加 DEADLINE_DAYS 天。每次导入后可再次运行：同一问题不会重复入账。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="121"/>
        <source>Days given to rectify</source>
        <translation>整改期限（天）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="124"/>
        <source>Ledger items added</source>
        <translation>新增台账问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="124"/>
        <source>Problems found by patrols</source>
        <translation>巡查发现问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="124"/>
        <source>Problems found by corner checks</source>
        <translation>拐点核查发现问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="124"/>
        <source>Problems found by special surveys</source>
        <translation>专项勘测发现问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="137"/>
        <source>{added} ledger item(s) added (problems found: {patrol} by patrols, {corner} by corner checks, {survey} by special surveys).</source>
        <translation>新增台账问题 {added} 个（发现问题：巡查 {patrol} 个，拐点核查 {corner} 个，专项勘测 {survey} 个）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="148"/>
        <source>Export the problem ledger (XLSX)</source>
        <translation>导出问题台账（XLSX）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="151"/>
        <source>Writes the problem ledger (问题台账) of the database as counties report it upward: an XLSX workbook, one row per problem, Chinese headers (mine, holder, licence, patch, source, problem, found, deadline, notice, rectification, penalty, transfer to the judiciary, state, struck off, days overdue). AS_OF (blank: today) is the day overdue items are counted on; overdue rows are shaded red.</source>
        <translation>按县级向上报送的格式导出数据库中的问题台账：XLSX 工作簿，每个问题一行，中文表头（矿山、采矿权人、许可证号、图斑、问题来源、问题描述、发现时间、整改期限、整改通知书、整改、处罚、移送司法机关、状态、销号、逾期天数）。AS_OF（空白为今天）为计算逾期的日期；逾期行以红色标示。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="160"/>
        <source>Report date (YYYY-MM-DD; blank: today)</source>
        <translation>统计截止日期（YYYY-MM-DD；空白为今天）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="162"/>
        <source>Only items not struck off</source>
        <translation>仅未销号问题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="163"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="165"/>
        <source>Ledger workbook</source>
        <translation>问题台账工作簿</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="165"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="168"/>
        <source>Problems in the ledger</source>
        <translation>台账问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="168"/>
        <source>Not struck off</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="168"/>
        <source>Struck off</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="188"/>
        <source>{items} problem(s) on {day}: {open} not struck off ({overdue} overdue), {closed} struck off → {path}</source>
        <translation>截至 {day} 共 {items} 个问题：未销号 {open} 个（逾期 {overdue} 个），已销号 {closed} 个 → {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="209"/>
        <source>Record rectification and penalties in the problem ledger</source>
        <translation>在问题台账中记录整改与处罚</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="212"/>
        <source>Records the progress of many ledger problems at once: INPUT is any table or CSV naming each problem by item (its number in the ledger), source_key or patch_no, with rectified_on, penalized_on, decision_no and note (Chinese headers accepted). A problem is struck off (消号) when its rectification and, where a penalty applies, its penalty are recorded. Nothing is recorded when a row is bad; every bad row is named.</source>
        <translation>一次记录多个台账问题的进展：INPUT 为任意表格或 CSV，以 item（台账中的编号）、source_key 或 patch_no 指明问题，并含 rectified_on、penalized_on、decision_no、note（可用中文表头）。问题整改完成且（需处罚的）处罚到位后即销号。有一行有误则全部不记录，并逐行指出错误。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="220"/>
        <source>Progress (item or source_key or patch_no, rectified_on, penalized_on…)</source>
        <translation>整改进展（item 或 source_key 或 patch_no、rectified_on、penalized_on…）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="224"/>
        <source>Problems updated</source>
        <translation>已更新问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="233"/>
        <source>INPUT names no problem: it needs an item, source_key or patch_no column.</source>
        <translation>INPUT 未指明问题：需要 item、source_key 或 patch_no 列。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="239"/>
        <source>{updated} problem(s) updated, {closed} struck off.</source>
        <translation>已更新问题 {updated} 个，销号 {closed} 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Patrols with fewer than 3 corner checks</source>
        <translation>拐点核查不足3处的巡查次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="45"/>
        <source>Patrols short of corner checks</source>
        <translation>拐点核查不足的巡查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="47"/>
        <source>Special surveys required</source>
        <translation>应完成专项勘测次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="48"/>
        <source>Special surveys done</source>
        <translation>已完成专项勘测次数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="49"/>
        <source>Special surveys missing</source>
        <translation>缺少的专项勘测</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Mines inspected</source>
        <translation>已检查矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Mines not inspected</source>
        <translation>未检查矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Full coverage</source>
        <translation>全覆盖</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Review recorded</source>
        <translation>已记录研判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="54"/>
        <source>Reviewed on</source>
        <translation>研判日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="114"/>
        <source>Supervision database (corner checks, zones, surveys, reviews); optional</source>
        <translation>监管数据库（拐点核查、重点监测矿区、专项勘测、季度研判）；可选</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="123"/>
        <source>Full-coverage months and quarterly reviews</source>
        <translation>每月全覆盖检查与季度研判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Months without a full-coverage check of all mines</source>
        <translation>未全覆盖检查的月份数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Key-zone producing mines lacking the year&apos;s two special surveys</source>
        <translation>缺少年度两次专项勘测的重点监测矿区在产矿山数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="129"/>
        <source>Quarters without a recorded review</source>
        <translation>未记录研判的季度数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="206"/>
        <source>Months without a full-coverage check of all mines: {months}</source>
        <translation>未对全部矿山全覆盖检查的月份：{months}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/inspection_compliance.py" line="209"/>
        <source>{short} patrol(s) checked fewer than 3 boundary corners of a mine; {surveys} key-zone producing mine(s) lack the year&apos;s two special surveys; quarters without a recorded review: {quarters}</source>
        <translation>{short} 次巡查核查矿山边界拐点不足3处；{surveys} 座重点监测矿区在产矿山缺少年度两次专项勘测；未记录研判的季度：{quarters}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="63"/>
        <source>Special survey report (PDF)</source>
        <translation>专项勘测报告（PDF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="66"/>
        <source>Writes the special survey report (专项勘测报告) of a survey round as a PDF (OUTPUT): a cover; a summary table per mine (surveyed area, out-of-bounds area, growth since the previous round, depth findings, works approaching the boundary); each out-of-bounds piece with its corner coordinates and area; the round-to-round comparison; a chart of the out-of-bounds area by mine; conclusions worded in the report template (TEMPLATE, else the one chosen in the settings, else the plugin's resources/templates/survey_report.json); and an overlay map per mine rendered by QGIS. SURVEY, RIGHTS and PREVIOUS are read as Compare a survey round reads them; RIGHTS may also carry holder and mine_name. With ZONES (monitoring zones, field name), a summary per zone and an overlay map per zone are added; with PATROLS and/or CORNER_CHECKS, a section on each mine's patrols of the period (PERIOD_START to PERIOD_END: months or quarters required and patrolled, by its status in RIGHTS) and its corner checks.</source>
        <translation>将一轮专项勘测的专项勘测报告写为 PDF（OUTPUT）：封面；各矿山汇总表（勘测面积、越界面积、较上轮增长、开采深度情况、临近边界的开采）；每处越界范围的拐点坐标和面积；轮次对比；按矿山的越界面积统计图；按报告模板（TEMPLATE，否则为设置中选择的模板，否则为插件的 resources/templates/survey_report.json）撰写的结论；以及由 QGIS 绘制的各矿山叠加图。SURVEY、RIGHTS 和 PREVIOUS 的读取方式与“专项勘测对比”相同；RIGHTS 还可带 holder 和 mine_name 字段。给出 ZONES（重点监测矿区，字段 name）时，另加各矿区汇总和每个矿区一幅叠加图；给出 PATROLS 和/或 CORNER_CHECKS 时，另加各矿山本期巡查（PERIOD_START 至 PERIOD_END：按 RIGHTS 中的生产状态应巡查和已巡查的月份或季度）和拐点核查情况一节。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="85"/>
        <source>Survey report</source>
        <translation>专项勘测报告</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="85"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="86"/>
        <source>This round&apos;s name (empty: the survey_round of SURVEY)</source>
        <translation>本轮名称（留空：取 SURVEY 的 survey_round）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="88"/>
        <source>The previous round&apos;s name (empty: the survey_round of PREVIOUS)</source>
        <translation>上一轮名称（留空：取 PREVIOUS 的 survey_round）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="96"/>
        <source>Monitoring zones (a summary and an overlay map per zone)</source>
        <translation>重点监测矿区（每个矿区一份汇总和一幅叠加图）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="99"/>
        <source>Patrols of the period (license_no or license_nos, inspection_date)</source>
        <translation>本期巡查记录（license_no 或 license_nos、inspection_date）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="101"/>
        <source>Corner checks (license_no, passed, deviation_m)</source>
        <translation>拐点核查记录（license_no、passed、deviation_m）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="103"/>
        <source>Period of the patrols: first day (empty: 1 January of the report&apos;s year)</source>
        <translation>巡查统计期：起始日（留空：报告年度的 1 月 1 日）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="106"/>
        <source>Period of the patrols: last day (empty: the report date)</source>
        <translation>巡查统计期：截止日（留空：报告日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="108"/>
        <source>An overlay map per mine</source>
        <translation>每个矿山一幅叠加图</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="110"/>
        <source>Imagery under the maps</source>
        <translation>叠加图下的影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="112"/>
        <source>Report date (YYYY-MM-DD; empty: today)</source>
        <translation>报告日期（YYYY-MM-DD；留空：今天）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="114"/>
        <source>Survey report template (JSON)</source>
        <translation>专项勘测报告模板（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="120"/>
        <source>Maps drawn</source>
        <translation>绘制的叠加图数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="121"/>
        <source>Monitoring zones summarised</source>
        <translation>汇总的重点监测矿区数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="128"/>
        <source>REPORT_DATE {value} is not a date (YYYY-MM-DD).</source>
        <translation>REPORT_DATE {value} 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="179"/>
        <source>zone {n}</source>
        <translation>矿区 {n}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="181"/>
        <source>monitoring zone</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="196"/>
        <source>The report {path} cannot be written: {reason}</source>
        <translation>无法写入报告 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_report.py" line="200"/>
        <source>Survey report of {round}: {mines} mines, {outside} with works outside their licence, {maps} maps → {path}</source>
        <translation>{round}专项勘测报告：矿山 {mines} 个，其中越界开采 {outside} 个，叠加图 {maps} 幅 → {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="29"/>
        <source>DATABASE is a new .gpkg file, or an existing empty PostgreSQL database with PostGIS: the name of a QGIS PostgreSQL connection, service=…, or dbname=… host=… port=… user=…. The schema is created in one transaction; a database that already holds one is never overwritten.</source>
        <translation>DATABASE 为新的 .gpkg 文件，或已安装 PostGIS 的空 PostgreSQL 数据库：QGIS PostgreSQL 连接的名称、service=…，或 dbname=… host=… port=… user=…。数据库结构在一个事务中创建；已有结构的数据库绝不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="406"/>
        <source>A county login needs the county&apos;s 6-digit administrative code (e.g. 130102), not &apos;{code}&apos;.</source>
        <translation>县级账号需要本县6位行政区代码（如130102），不能是“{code}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="410"/>
        <source>A city login needs the city&apos;s 4- or 6-digit administrative code (e.g. 1301 or 130100), not &apos;{code}&apos;.</source>
        <translation>市级账号需要本市4位或6位行政区代码（如1301或130100），不能是“{code}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="413"/>
        <source>A province&apos;s administrative code is 2 or 6 digits (e.g. 13 or 130000), not &apos;{code}&apos;.</source>
        <translation>省级行政区代码为2位或6位（如13或130000），不能是“{code}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="428"/>
        <source>&apos;{name}&apos; cannot be a login name: use lower-case letters, digits and _ (at most 63, not starting with a digit).</source>
        <translation>“{name}”不能作为登录名：请使用小写字母、数字和下划线（最多63个字符，不以数字开头）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="432"/>
        <source>&apos;{name}&apos; is a reserved role name.</source>
        <translation>“{name}”是保留的角色名。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="434"/>
        <source>Unknown level &apos;{level}&apos;: county, city or province.</source>
        <translation>未知级别“{level}”：应为县级、市级或省级。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="436"/>
        <source>The password of {name} is too short: at least 8 characters.</source>
        <translation>{name}的密码太短：至少8个字符。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="448"/>
        <source>A login {name} already exists on this server: choose another name, or leave the password empty to give that login access to this database.</source>
        <translation>服务器上已有登录名{name}：请换一个名称，或将密码留空以授权该账号访问本数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="452"/>
        <source>There is no login {name} on this server: give it a password to create it.</source>
        <translation>服务器上没有登录名{name}：请设置密码以创建该账号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/postgres_server.py" line="471"/>
        <source>The login {name} was not created: {reason}. Nothing was changed.</source>
        <translation>未创建登录名{name}：{reason}。未作任何更改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="60"/>
        <source>A ledger item needs a problem description.</source>
        <translation>台账问题需要填写问题描述。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="129"/>
        <source>{where}: no ledger item has this item number, source or patch ({key}).</source>
        <translation>{where}：台账中没有此编号、来源或图斑的问题（{key}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="138"/>
        <source>{where}: {field} {value} is not a date.</source>
        <translation>{where}：{field} {value} 不是日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="144"/>
        <source>{where}: ledger item {fid} is already struck off.</source>
        <translation>{where}：台账问题 {fid} 已销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="147"/>
        <source>No progress was recorded: fix these rows first.</source>
        <translation>未记录任何进展：请先改正以下各行。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="158"/>
        <source>There is no ledger item {fid}.</source>
        <translation>台账中没有问题 {fid}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="161"/>
        <source>Ledger item {fid} is already struck off.</source>
        <translation>台账问题 {fid} 已销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/ledger.py" line="175"/>
        <source>Ledger item {fid} cannot be struck off: {reasons}.</source>
        <translation>台账问题 {fid} 不能销号：{reasons}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="112"/>
        <source>{path} has no attachments folder yet: its administrator sets the shared folder where its photos are kept (Processing: Set the attachments folder of a shared database) before photos are imported.</source>
        <translation>{path} 尚未设置附件文件夹：导入照片前，需由管理员设置存放照片的共享文件夹（处理工具：设置共享数据库的附件文件夹）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="129"/>
        <source>A GeoPackage keeps its attachments beside itself; there is no folder to set.</source>
        <translation>GeoPackage 的附件保存在其旁边，无需设置文件夹。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="562"/>
        <source>A patrol needs its date.</source>
        <translation>巡查记录需要日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="565"/>
        <source>Choose at least one mine the patrol covered.</source>
        <translation>请至少选择一个巡查涉及的矿山。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="569"/>
        <source>Not in the database: licence(s) {numbers}.</source>
        <translation>数据库中没有采矿权：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="580"/>
        <source>Not in the database: patch(es) {numbers}.</source>
        <translation>数据库中没有图斑：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="603"/>
        <source>{file} holds {count} routes; the first, {route}, is the patrol&apos;s.</source>
        <translation>{file}含有{count}条路线；以第一条{route}作为巡查路线。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="609"/>
        <source>{file}: the route has fewer than two distinct positions.</source>
        <translation>{file}：路线不足两个不同位置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="240"/>
        <source>The photo {photo} does not exist.</source>
        <translation>照片{photo}不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="618"/>
        <source>The patrol was not recorded:</source>
        <translation>巡查记录未保存：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="112"/>
        <source>{table} {key}: {field} was {base}; changed to {local} in the copy and to {server} on the server</source>
        <translation>{table} {key}：{field} 原为 {base}；副本中改为 {local}，服务器上改为 {server}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="171"/>
        <source>Choose the administrative code of the county to check out.</source>
        <translation>请选择要检出的县（区）行政区代码。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="282"/>
        <source>{path} is not a checked-out copy of a shared database.</source>
        <translation>{path} 不是从共享数据库检出的副本。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="288"/>
        <source>{path} was not checked out of this database (its checkout is unknown here); nothing was written.</source>
        <translation>{path} 不是从本数据库检出的（本库无此检出记录）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="295"/>
        <source>{path} was already checked in on {when} by {user}; checking it in again would apply its changes twice. Nothing was written. Check out a new copy.</source>
        <translation>{path} 已于 {when} 由 {user} 检入；再次检入会重复应用其修改。未写入任何内容。请重新检出一份副本。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="93"/>
        <source>added in the copy</source>
        <translation>副本中新增</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="95"/>
        <source>added on the server</source>
        <translation>服务器上新增</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="368"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="368"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/reviews.py" line="35"/>
        <source>A review needs its quarter (e.g. 2026-Q1) or its date.</source>
        <translation>研判记录需要季度（如 2026-Q1）或日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/reviews.py" line="39"/>
        <source>{value} is not a quarter: write it as 2026-Q1.</source>
        <translation>{value} 不是季度：请写作 2026-Q1。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/reviews.py" line="48"/>
        <source>The review date {value} is not a date.</source>
        <translation>研判日期 {value} 不是日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="184"/>
        <source>geometry (area m²)</source>
        <translation>几何图形（面积 m²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="193"/>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="194"/>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="195"/>
        <source>{what} {key} was changed by {user} at {when} after you read it: {fields}. Your save was refused and nothing was written; reload it, check the other change and save yours again.</source>
        <translation>您读取{what}{key}之后，{user}于{when}修改了它：{fields}。您的保存已被拒绝，未写入任何内容；请重新加载，核对对方的修改后再次保存。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="203"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/versions.py" line="307"/>
        <source>There is no row {key} in {table}.</source>
        <translation>{table}中没有记录{key}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="122"/>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="125"/>
        <source>{path}: the server refused the user name or password ({reason}). Check the user and the authentication configuration of the connection. Nothing was written.</source>
        <translation>{path}：服务器拒绝了用户名或密码（{reason}）。请检查连接的用户和认证配置。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="130"/>
        <source>{path}: the server has no such database ({reason}). Ask its administrator to create it (createdb, then CREATE EXTENSION postgis). Nothing was written.</source>
        <translation>{path}：服务器上没有该数据库（{reason}）。请数据库管理员创建（createdb，然后 CREATE EXTENSION postgis）。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="133"/>
        <source>{path}: this PostgreSQL service is not defined in pg_service.conf ({reason}). Nothing was written.</source>
        <translation>{path}：pg_service.conf 中未定义该 PostgreSQL 服务（{reason}）。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="136"/>
        <source>{path}: the server cannot be reached ({reason}). Check the host and port, that the server is running and that the network lets you through. Nothing was written.</source>
        <translation>{path}：无法连接到服务器（{reason}）。请检查主机和端口、服务器是否在运行以及网络是否可达。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="139"/>
        <source>{path}: the server refused access ({reason}). Ask its administrator for the rights you need. Nothing was written.</source>
        <translation>{path}：服务器拒绝访问（{reason}）。请向管理员申请所需权限。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="311"/>
        <source>{path} already holds a supervision database; open it instead.</source>
        <translation>{path} 中已有监管数据库，请直接打开。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="316"/>
        <source>{path} has no PostGIS: ask its administrator to run CREATE EXTENSION postgis in it.</source>
        <translation>{path} 未安装 PostGIS：请数据库管理员在其中执行 CREATE EXTENSION postgis。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="564"/>
        <source>{path}: the connection to the server was lost or refused ({reason}); nothing was written. Check the network and the server, then try again.</source>
        <translation>{path}：与服务器的连接中断或被拒绝（{reason}）；未写入任何内容。请检查网络和服务器后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="569"/>
        <source>{path} is busy with another user&apos;s change ({reason}); nothing was written. Try again in a moment.</source>
        <translation>{path} 正被其他用户的修改占用（{reason}）；未写入任何内容。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="584"/>
        <source>{path}: your login may not write this row: it belongs to another county or city, or has no administrative code (county_code) of yours; nothing was written. ({reason})</source>
        <translation>{path}：您的账号不能写入这条记录：它属于其他县或市，或没有本账号的行政区代码（county_code）；未写入任何内容。（{reason}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="57"/>
        <source>{path} is not a PostgreSQL connection: a GeoPackage is pushed into a shared PostGIS database.</source>
        <translation>{path} 不是 PostgreSQL 连接：GeoPackage 只能推送到共享 PostGIS 数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="70"/>
        <source>{path} is in EPSG:{target_crs}, the GeoPackage in EPSG:{source_crs}: push into a database of the same CRS.</source>
        <translation>{path} 的坐标系为 EPSG:{target_crs}，GeoPackage 为 EPSG:{source_crs}：请推送到坐标系相同的数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="79"/>
        <source>{path} already holds supervision data (tables {tables}); nothing was pushed. Push into an empty database.</source>
        <translation>{path} 已有监管数据（表 {tables}）；未推送任何内容。请推送到空数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="140"/>
        <source>{path}: row {fid} of {table} could not be written ({reason}); nothing was pushed.</source>
        <translation>{path}：{table} 表第 {fid} 条记录无法写入（{reason}）；未推送任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/transfer.py" line="153"/>
        <source>{table}: {found} rows arrived of {expected}; nothing was pushed.</source>
        <translation>{table}：应到 {expected} 条，实到 {found} 条；未推送任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="70"/>
        <source>{where}: the decision number (decision_no) is missing.</source>
        <translation>{where}：缺少处罚决定书文号（decision_no）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="72"/>
        <source>{where}: decision {number} appears twice.</source>
        <translation>{where}：处罚决定 {number} 重复出现。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="75"/>
        <source>{where}: the party (party) is missing.</source>
        <translation>{where}：缺少当事人（party）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="78"/>
        <source>{where}: decided_on {value} is not a date.</source>
        <translation>{where}：处罚决定日期 {value} 不是日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="84"/>
        <source>{where}: {value} is not a violation type.</source>
        <translation>{where}：{value} 不是违法类型。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="90"/>
        <source>{where}: fine_yuan {value} is not a number.</source>
        <translation>{where}：罚没款 {value} 不是数字。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="93"/>
        <source>No penalty case was recorded: fix these rows first.</source>
        <translation>未记录任何处罚案件：请先改正以下各行。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="100"/>
        <source>No penalty case was recorded: these decisions are already recorded: {numbers}.</source>
        <translation>未记录任何处罚案件：以下处罚决定已记录过：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="106"/>
        <source>{where}: licence {licence} is not in the database; the case is kept.</source>
        <translation>{where}：许可证 {licence} 不在数据库中；案件仍予记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/cases.py" line="109"/>
        <source>{where}: patch {patch} is not in the database; the case is kept.</source>
        <translation>{where}：图斑 {patch} 不在数据库中；案件仍予记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="96"/>
        <source>{level} is not a zone level (部, 省, 市, 县).</source>
        <translation>{level}不是监测矿区级别（部、省、市、县）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="103"/>
        <source>{where}: no zone name (field name).</source>
        <translation>{where}：没有矿区名称（字段 name）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="106"/>
        <source>{where}: level “{value}” is not one of 部, 省, 市, 县.</source>
        <translation>{where}：级别“{value}”不是部、省、市、县之一。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="106"/>
        <source>{where}: no level; map the level field or choose a default level.</source>
        <translation>{where}：没有级别；请对应级别字段或选择默认级别。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="112"/>
        <source>{where}: year “{value}” is not a year.</source>
        <translation>{where}：年度“{value}”不是年份。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="114"/>
        <source>{where}: year {value} is out of range.</source>
        <translation>{where}：年度{value}超出范围。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="117"/>
        <source>{where}: no polygon with an area; a zone needs one.</source>
        <translation>{where}：没有有面积的多边形；监测矿区需要多边形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="119"/>
        <source>{where}: invalid polygon ({reason}) repaired.</source>
        <translation>{where}：无效多边形（{reason}）已修复。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="124"/>
        <source>No zone was imported:</source>
        <translation>未导入任何监测矿区：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/zones.py" line="127"/>
        <source>The layer has no features; no zone was imported.</source>
        <translation>图层没有要素，未导入监测矿区。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="153"/>
        <source>Licence {licence} has no corner {corner}{parcel}.</source>
        <translation>采矿权{licence}没有{corner}号拐点{parcel}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="153"/>
        <source> in parcel {parcel}</source>
        <translation>（地块{parcel}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="165"/>
        <source>Patrol {id} is not in the database.</source>
        <translation>数据库中没有巡查记录{id}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="168"/>
        <source>Patrol {id} ({date}) does not cover licence {licence}.</source>
        <translation>巡查记录{id}（{date}）不涉及采矿权{licence}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="181"/>
        <source>A new patrol needs its date.</source>
        <translation>新巡查记录需要日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="147"/>
        <source>The corner tolerance must be more than 0 m.</source>
        <translation>拐点限差必须大于0米。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="232"/>
        <source>Attach the corner check to one patrol: an existing one or a new one.</source>
        <translation>请将拐点核查关联到一次巡查：已有的或新建的。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/corner_checks.py" line="237"/>
        <source>{state} is not a stake state (完好, 损毁, 缺失).</source>
        <translation>{state}不是界桩状态（完好、损毁、缺失）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/ledger.py" line="140"/>
        <source>Writing XLSX needs the Python package openpyxl (Debian/Ubuntu: apt install python3-openpyxl; elsewhere: python -m pip install openpyxl).</source>
        <translation>写出 XLSX 需要 Python 包 openpyxl（Debian/Ubuntu：apt install python3-openpyxl；其他系统：python -m pip install openpyxl）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/ledger.py" line="187"/>
        <source>{path} could not be written: {reason}</source>
        <translation>{path} 无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/survey_report.py" line="298"/>
        <source>The survey report template names {{{name}}}, which the report does not know. Known: {known}</source>
        <translation>专项勘测报告模板中的 {{{name}}} 不是报告能填写的内容。可用的有：{known}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/survey_report.py" line="302"/>
        <source>The survey report template has a sentence it cannot fill: {text} ({reason})</source>
        <translation>专项勘测报告模板中有一句无法填写：{text}（{reason}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="75"/>
        <source>The issuing authority is empty.</source>
        <translation>发文机关为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="78"/>
        <source>The document-number prefix is empty.</source>
        <translation>文号前缀为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="80"/>
        <source>The document-number prefix {prefix} must not hold 〔〕, [] or 号 nor end with a digit: the year and the number are added to it (e.g. {prefix}〔2026〕12号).</source>
        <translation>文号前缀 {prefix} 不能含有〔〕、[] 或“号”，也不能以数字结尾：年份和序号会接在其后（如 {prefix}〔2026〕12号）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="83"/>
        <source>The legal basis is empty.</source>
        <translation>法律依据为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="85"/>
        <source>The requirement is empty.</source>
        <translation>整改要求为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="91"/>
        <source>The deadline must be a whole number of days from 1 to 3650.</source>
        <translation>整改期限须为 1 至 3650 之间的整数天数。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/reports/template.py" line="123"/>
        <source>The settings cannot be saved in {path}: {reason}</source>
        <translation>无法将设置保存到 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="117"/>
        <source>The authentication configuration {id} of the connection cannot be read: unlock QGIS&apos;s authentication database (master password) or check the configuration.</source>
        <translation>无法读取该连接的认证配置 {id}：请解锁 QGIS 认证数据库（主密码）或检查该配置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="136"/>
        <source>No supervision database was given.</source>
        <translation>未指定监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="211"/>
        <source>{name} is neither a file nor one of QGIS&apos;s PostgreSQL connections: add the connection in the Data Source Manager (PostgreSQL) under this name, or open the file.</source>
        <translation>{name} 既不是文件，也不是 QGIS 的 PostgreSQL 连接：请在数据源管理器（PostgreSQL）中以此名称添加该连接，或打开相应文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="212"/>
        <source>patch</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="215"/>
        <source>boundary-corner check</source>
        <translation>拐点核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="216"/>
        <source>quarterly review</source>
        <translation>季度研判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/vocab.py" line="217"/>
        <source>spot check</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/ledger.py" line="28"/>
        <source>its rectification is not recorded as complete</source>
        <translation>尚未记录整改完成</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/ledger.py" line="30"/>
        <source>its penalty is not recorded as in place</source>
        <translation>尚未记录处罚到位</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="68"/>
        <source>Paste or type the measured coordinate as N, E.</source>
        <translation>粘贴或输入实测坐标（N, E）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="81"/>
        <source>“{text}” holds no N, E coordinate pair (two numbers of at least 5 digits).</source>
        <translation>“{text}”中没有N、E坐标对（两个至少5位的数）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="86"/>
        <source>The pair was given E, N (the 8-digit value carries the zone): turned round.</source>
        <translation>坐标按E、N顺序给出（8位数带带号），已调换。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="130"/>
        <source>No measured coordinate: not judged.</source>
        <translation>没有实测坐标，不作判定。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="133"/>
        <source>The measured point is {deviation} m from the corner: probably a typing error or a coordinate in another CRS (zone, Xi&apos;an 1980, N and E swapped). Correct it; it is not judged.</source>
        <translation>实测点距拐点{deviation}米，可能是输入错误或坐标系不同（带号、西安1980、N与E颠倒）。请更正；不作判定。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="138"/>
        <source>Deviation {deviation} m, within the tolerance of {tolerance} m: passed.</source>
        <translation>偏差{deviation}米，在限差{tolerance}米以内：合格。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="140"/>
        <source>Deviation {deviation} m, more than the tolerance of {tolerance} m: failed.</source>
        <translation>偏差{deviation}米，超过限差{tolerance}米：不合格。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/corner_checks.py" line="163"/>
        <source>{count} corner check(s) in this patrol; at least {minimum} are required.</source>
        <translation>本次巡查已核查{count}个拐点，至少应核查{minimum}个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="32"/>
        <source>Signboard placed as required</source>
        <translation>标识牌按规定醒目放置</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="33"/>
        <source>Ore and tailings piled where allowed</source>
        <translation>矿石、尾矿堆放位置符合规定</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="34"/>
        <source>No farmland / permanent basic farmland occupied</source>
        <translation>未违规占用耕地和永久基本农田</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="35"/>
        <source>No obvious ecological damage</source>
        <translation>无明显生态破坏</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="36"/>
        <source>Village committee asked about illegal mining</source>
        <translation>已向村委会了解违法违规线索</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="47"/>
        <source>Unknown checklist items: {items}</source>
        <translation>未知的巡查事项：{items}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/patrol_checklist.py" line="54"/>
        <source>{answer} is not an answer of the checklist (ok, problem).</source>
        <translation>{answer}不是巡查事项的结论（正常、有问题）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="75"/>
        <source>Surveyed m²</source>
        <translation>实测面积(m²)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="75"/>
        <source>Outside m²</source>
        <translation>越界面积(m²)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="75"/>
        <source>Beyond (m)</source>
        <translation>越界距离(m)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="75"/>
        <source>Growth m²</source>
        <translation>新增面积(m²)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="76"/>
        <source>To boundary (m)</source>
        <translation>距边界(m)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="76"/>
        <source>Depth</source>
        <translation>越层</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="124"/>
        <source>(no licence)</source>
        <translation>（无许可证）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="164"/>
        <source>Comparing survey round {round}</source>
        <translation>正在比对勘测轮次 {round}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="248"/>
        <source>Out of bounds</source>
        <translation>越界范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="251"/>
        <source>Special surveys</source>
        <translation>专项勘测</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="261"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="267"/>
        <source>against</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="271"/>
        <source>Compare</source>
        <translation>比对</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="333"/>
        <source>Open a supervision database to see its survey rounds.</source>
        <translation>请先打开监管数据库以查看勘测轮次。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="281"/>
        <source>Filter by licence number</source>
        <translation>按许可证号筛选</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="282"/>
        <source>Findings only</source>
        <translation>只看有问题的</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="305"/>
        <source>Send the selected findings to the ledger</source>
        <translation>所选问题写入台账</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="326"/>
        <source>(no previous round)</source>
        <translation>（无上一轮）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="345"/>
        <source>{round} ({count} extents)</source>
        <translation>{round}（{count} 个范围）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="350"/>
        <source>{count} survey rounds recorded. Choose one and compare.</source>
        <translation>已记录 {count} 个勘测轮次，请选择一轮进行比对。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="350"/>
        <source>No survey round recorded yet (Import a survey round…).</source>
        <translation>尚无勘测轮次记录（导入专项勘测成果…）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="362"/>
        <source>Due in {year}: {count} producing mines of key monitoring zones, two rounds.</source>
        <translation>{year} 年应测：重点监测矿区生产矿山 {count} 座，每年两轮。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="366"/>
        <source>{round}: not recorded yet.</source>
        <translation>{round}：尚未记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="368"/>
        <source>{round}: {count} missing: {mines}</source>
        <translation>{round}：缺 {count} 座：{mines}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="371"/>
        <source>{round}: complete.</source>
        <translation>{round}：齐全。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="384"/>
        <source>Choose a survey round of the open database first.</source>
        <translation>请先选择已打开数据库中的勘测轮次。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="390"/>
        <source>Comparing round {round}…</source>
        <translation>正在比对第 {round} 轮…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="403"/>
        <source>The comparison failed: {reason}</source>
        <translation>比对失败：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="404"/>
        <source>The comparison was cancelled.</source>
        <translation>比对已取消。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="418"/>
        <source>Round {round}{against}: {mines} mines; {outside} out of bounds, {depth} beyond their depth, {growth} grew toward the boundary, {approaching} approaching it.</source>
        <translation>第 {round} 轮{against}：{mines} 座矿山；越界 {outside} 座，越层 {depth} 座，向边界扩展 {growth} 座，临近边界 {approaching} 座。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="418"/>
        <source> against {previous}</source>
        <translation>（对比 {previous}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="443"/>
        <source>Special survey {round}</source>
        <translation>专项勘测 {round}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="459"/>
        <source>Surveyed extent</source>
        <translation>实测开采范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="464"/>
        <source>Licensed boundary</source>
        <translation>批准矿区范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="469"/>
        <source>Licence corners</source>
        <translation>许可证拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="540"/>
        <source>Compare a survey round first.</source>
        <translation>请先比对一个勘测轮次。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="545"/>
        <source>None of the selected mines is out of bounds or beyond its depth.</source>
        <translation>所选矿山均无越界或越层问题。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="550"/>
        <source>The findings were not written: {reason}</source>
        <translation>问题未写入：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/survey_dock.py" line="552"/>
        <source>{added} findings written to the ledger; {already} were already there.</source>
        <translation>{added} 项问题已写入台账；{already} 项此前已在台账中。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="36"/>
        <source>Survey findings to the ledger and notice drafts</source>
        <translation>专项勘测问题入台账并生成整改通知书草稿</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="39"/>
        <source>Compares the survey round ROUND recorded in DATABASE with the licences there and writes each finding of the KINDS chosen (works beyond the licensed boundary; works above the licensed top or below the licensed bottom) as an open ledger item of its licence, its problem naming the round and the finding in Chinese. A finding already in the ledger (same licence, round and kind) is not written again: running twice adds nothing. With OUTPUT_FOLDER, a rectification-notice draft (PDF without a document number, with its map) per holder gathering that holder&apos;s findings. FOUND_DATE: the date of the ledger items (empty: the round&apos;s last survey date, else today).</source>
        <translation>将 DATABASE 中记录的勘测轮次 ROUND 与库中采矿许可证比对，把所选类型（KINDS：越出批准矿区范围开采；高于批准开采上限或低于批准开采下限开采）的每项问题写入该许可证的问题台账（状态未销号），问题描述写明轮次和问题。已在台账中的问题（同一许可证、轮次和类型）不再重复写入：运行两次不会增加。指定 OUTPUT_FOLDER 时，按采矿权人各生成一份整改通知书草稿（PDF，无文号，附位置图），汇总该权人的问题。FOUND_DATE：台账的发现日期（留空：该轮最后勘测日期，否则今天）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="51"/>
        <source>Survey round (e.g. 2026-2)</source>
        <translation>勘测轮次（如 2026-2）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="52"/>
        <source>Works beyond the licensed boundary</source>
        <translation>越出批准矿区范围开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="52"/>
        <source>Works beyond the licensed depth</source>
        <translation>超出批准开采深度开采</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="56"/>
        <source>Date found (YYYY-MM-DD; empty: the round&apos;s last survey date)</source>
        <translation>发现日期（YYYY-MM-DD；留空：该轮最后勘测日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="58"/>
        <source>Folder for the notice drafts (empty: ledger only)</source>
        <translation>整改通知书草稿文件夹（留空：只写台账）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="64"/>
        <source>Number of findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="66"/>
        <source>Findings already in the ledger</source>
        <translation>已在台账中的问题</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="67"/>
        <source>Notice drafts written</source>
        <translation>生成的通知书草稿</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="78"/>
        <source>Give the survey round (e.g. 2026-2).</source>
        <translation>请填写勘测轮次（如 2026-2）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="83"/>
        <source>FOUND_DATE {value} is not a date (YYYY-MM-DD).</source>
        <translation>FOUND_DATE {value} 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="99"/>
        <source>Comparing round {round} with the licences</source>
        <translation>正在将第 {round} 轮与采矿许可证比对</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="109"/>
        <source>{count} extents match no licence: no holder to serve, no ledger item (mining without a licence is a case for enforcement).</source>
        <translation>{count} 个范围未匹配任何采矿许可证：无采矿权人可送达，不写台账（无证开采应移交执法）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="112"/>
        <source>Ledger: {licence}: {problem}</source>
        <translation>台账：{licence}：{problem}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="115"/>
        <source>Already in the ledger, not written again: {licences}</source>
        <translation>已在台账中，不再写入：{licences}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="118"/>
        <source>No holder recorded for {licences}: no notice draft for them.</source>
        <translation>{licences} 无采矿权人记录：不生成通知书草稿。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/survey_findings.py" line="122"/>
        <source>Notice draft for {holder} → {path}</source>
        <translation>{holder} 的整改通知书草稿 → {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="47"/>
        <source>Patrol summary as a document (PDF)</source>
        <translation>巡查工作汇总表文书（PDF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/statistics_algorithms.py" line="93"/>
        <source>Two rates as a document (PDF)</source>
        <translation>“两率”统计表文书（PDF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/ledger_algorithms.py" line="167"/>
        <source>Ledger as a document (PDF)</source>
        <translation>问题台账文书（PDF）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/table_output.py" line="54"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/compare_survey.py" line="141"/>
        <source>The output {output} is the input {parameter}: writing it would destroy that input. Choose another output file.</source>
        <translation>输出 {output} 就是输入 {parameter}：写入会毁掉该输入。请另选输出文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="27"/>
        <source>Volumes excavated between two DSMs</source>
        <translation>两期 DSM 间的开挖方量</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="30"/>
        <source>Compares two digital surface models of the same mine (BEFORE and AFTER, GeoTIFF, same CRS) cell by cell: the ground lowered outside the licensed boundaries of RIGHTS is excavation beyond the boundary; inside, the part below the licensed bottom elevation (BOTTOM_M, else the lowest depth_bottom_m of RIGHTS) is excavation below the licensed depth. Gives the volumes in m³ and writes the difference raster (before − after, m; positive where excavated). LICENCE: only the licence of this number in RIGHTS.</source>
        <translation>逐像元比较同一矿山的两期数字表面模型（BEFORE 与 AFTER，GeoTIFF，同一坐标系）：RIGHTS 批准矿区范围以外的地面下降为越界开挖；范围以内低于批准开采下限标高（BOTTOM_M，否则取 RIGHTS 中最低的 depth_bottom_m）的部分为越层开挖。给出方量（m³）并写出差值栅格（前期 − 后期，米；开挖处为正）。LICENCE：只取 RIGHTS 中该证号的许可证。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="39"/>
        <source>DSM of the earlier round</source>
        <translation>前一轮 DSM</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="40"/>
        <source>DSM of the later round</source>
        <translation>后一轮 DSM</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="43"/>
        <source>Licence number (empty: every licence)</source>
        <translation>许可证号（留空：全部许可证）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="45"/>
        <source>Licensed bottom elevation (m; empty: from RIGHTS)</source>
        <translation>批准开采下限标高（米；留空：取自 RIGHTS）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="48"/>
        <source>Difference raster (before − after)</source>
        <translation>差值栅格（前期 − 后期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="49"/>
        <source>Volume excavated (m³)</source>
        <translation>开挖方量（m³）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="49"/>
        <source>Volume excavated outside the boundary (m³)</source>
        <translation>越界开挖方量（m³）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="49"/>
        <source>Volume excavated below the licensed bottom (m³)</source>
        <translation>越层开挖方量（m³）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="49"/>
        <source>Volume filled (m³)</source>
        <translation>回填方量（m³）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="49"/>
        <source>Area excavated outside the boundary (m²)</source>
        <translation>越界开挖面积（m²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="64"/>
        <source>BEFORE and AFTER must be rasters (GeoTIFF DSMs).</source>
        <translation>BEFORE 与 AFTER 须为栅格（GeoTIFF DSM）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="86"/>
        <source>RIGHTS has no licence {number}.</source>
        <translation>RIGHTS 中没有许可证 {number}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="90"/>
        <source>No licensed bottom elevation (BOTTOM_M, depth_bottom_m): the volume below it is not measured.</source>
        <translation>没有批准开采下限标高（BOTTOM_M、depth_bottom_m）：不计算越层方量。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/dsm_volumes.py" line="97"/>
        <source>Excavated {total:.1f} m³: {outside:.1f} m³ outside the boundary over {area:.0f} m², {below:.1f} m³ below the licensed bottom; filled {filled:.1f} m³.</source>
        <translation>开挖 {total:.1f} m³：越界 {outside:.1f} m³（面积 {area:.0f} m²），越层 {below:.1f} m³；回填 {filled:.1f} m³。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey_findings.py" line="49"/>
        <source>an extent without licence number</source>
        <translation>一个无许可证号的范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey_server.py" line="37"/>
        <source>survey_extents feature {fid}</source>
        <translation>survey_extents 要素 {fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/survey_findings.py" line="95"/>
        <source>The database has no survey round {round} (its rounds: {rounds}).</source>
        <translation>数据库中没有勘测轮次 {round}（已有轮次：{rounds}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="59"/>
        <source>{file} is not a raster GDAL can read: {reason}</source>
        <translation>{file} 不是 GDAL 可读取的栅格：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="62"/>
        <source>{file} is not a raster GDAL can read.</source>
        <translation>{file} 不是 GDAL 可读取的栅格。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="64"/>
        <source>{file} has no coordinate reference system: assign it before comparing.</source>
        <translation>{file} 没有坐标参考系：请先指定后再比对。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="96"/>
        <source>{after} is in {crs_after}, {before} in {crs_before}: reproject one DSM to the other&apos;s CRS.</source>
        <translation>{after} 的坐标系为 {crs_after}，{before} 为 {crs_before}：请将其中一个 DSM 重投影到另一个的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="103"/>
        <source>{after} is in {crs}, the licences in EPSG:{epsg}: reproject the DSMs to the database&apos;s CRS.</source>
        <translation>{after} 的坐标系为 {crs}，采矿许可证为 EPSG:{epsg}：请将 DSM 重投影到数据库的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="108"/>
        <source>{before} and {after} do not overlap: they are not DSMs of the same place.</source>
        <translation>{before} 与 {after} 不重叠：不是同一地点的 DSM。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/dsm_volume.py" line="134"/>
        <source>{before} and {after} have no cell with an elevation in both.</source>
        <translation>{before} 与 {after} 没有两者都有高程的像元。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="16"/>
        <source>Record a quarterly review</source>
        <translation>记录季度研判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="19"/>
        <source>Records the quarter's review of mine supervision (季度研判, seed 000): the day it was held, the quarter it reviews (e.g. 2026-Q1, 2026年第1季度; blank: the quarter of the day), who took part, its conclusion and the problems it found. inspectioncompliance with a DATABASE lists the quarters without a review.</source>
        <translation>记录矿山监管的季度研判：召开日期、研判的季度（如 2026-Q1、2026年第1季度；留空则取召开日期所在季度）、参加人员、研判结论和发现的问题数。巡查频次检查（inspectioncompliance）指定监管数据库时，会列出没有研判记录的季度。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="27"/>
        <source>Date of the review (YYYY-MM-DD)</source>
        <translation>研判日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="28"/>
        <source>Quarter reviewed (e.g. 2026-Q1)</source>
        <translation>研判季度（如 2026-Q1）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="29"/>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="30"/>
        <source>Conclusion</source>
        <translation>研判结论</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="33"/>
        <source>Review</source>
        <translation>研判记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/record_review.py" line="48"/>
        <source>Review recorded.</source>
        <translation>已记录季度研判。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="134"/>
        <source>Use the selected line on the map</source>
        <translation>使用地图上选中的线</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="141"/>
        <source>Or a route drawn</source>
        <translation>或在地图上绘制路线</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="172"/>
        <source>Select one line (draw it in any line layer) and try again.</source>
        <translation>请选中一条线（可在任一线图层中绘制）后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patrol_dialog.py" line="181"/>
        <source>drawn route, {length} m</source>
        <translation>绘制的路线，{length} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="587"/>
        <source>Give the route either as a file or drawn on the map, not both.</source>
        <translation>路线请二选一：来自文件，或在地图上绘制。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/inspections.py" line="591"/>
        <source>The drawn route has fewer than two distinct positions.</source>
        <translation>绘制的路线少于两个不同的位置。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="323"/>
        <source>To be transferred to the judiciary (seed 003): {basis}</source>
        <translation>应移送司法机关：{basis}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="197"/>
        <source>Resolve check-in conflicts…</source>
        <translation>处理签入冲突…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="62"/>
        <source>geometry, {area} m²</source>
        <translation>几何图形，{area} 平方米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="160"/>
        <source>Resolve check-in conflicts</source>
        <translation>处理签入冲突</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Row</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Server value</source>
        <translation>服务器值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Field copy value</source>
        <translation>外业副本值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Changed on the server</source>
        <translation>服务器端修改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="98"/>
        <source>Checked in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="116"/>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="117"/>
        <source>Server&apos;s value</source>
        <translation>服务器的值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="119"/>
        <source>Field copy&apos;s value</source>
        <translation>外业副本的值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="131"/>
        <source>Apply choices</source>
        <translation>应用选择</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="142"/>
        <source>geometry</source>
        <translation>几何图形</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="167"/>
        <source>Choose the value to keep for at least one conflict, or Cancel.</source>
        <translation>请至少为一项冲突选择要保留的值，或点击取消。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="181"/>
        <source>Check-in conflicts resolved: {taken} field copy values written, {kept} server values kept; {open} still open.</source>
        <translation>签入冲突已处理：写入外业副本值 {taken} 项，保留服务器值 {kept} 项；仍有 {open} 项未处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="199"/>
        <source>No check-in conflicts are waiting in {database}.</source>
        <translation>{database} 中没有待处理的签入冲突。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="106"/>
        <source>Merges a checked-out GeoPackage back into the shared database in one transaction: fields changed only in the copy are written; fields changed on both sides to different values are conflicts (the server keeps its value; the CONFLICTS table lists both values for you to resolve: write copy or server in its take column and run &apos;Resolve check-in conflicts&apos;); rows added in the copy are added; rows deleted in the copy are listed, never deleted. A copy is checked in only once.</source>
        <translation>在一个事务中将签出的 GeoPackage 合并回共享数据库：仅在副本中修改的字段直接写入；两端改为不同值的字段为冲突（服务器保留其值；CONFLICTS 表列出两端的值供您处理：在其 take 列填写 copy 或 server，再运行“处理签入冲突”）；副本中新增的记录予以新增；副本中删除的记录仅列出，不在服务器删除。每个副本只能签入一次。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="163"/>
        <source>Resolves the conflicts a check-in left on the shared database. CONFLICTS is the conflicts table of 'Check in a field copy' (or this algorithm's OUTPUT) with its take column filled in: copy (副本) writes the field copy's value, server (服务器) keeps the server's, empty leaves the conflict open. All choices are applied in one transaction; a value changed on the server again since the check-in, or a workflow step the patch cannot take, is refused in words and nothing is written. Each choice is recorded in the audit log; a conflict is resolved once. OUTPUT lists the conflicts still open (run without CONFLICTS to list them).</source>
        <translation>处理签入在共享数据库中留下的冲突。CONFLICTS 为“签入外业副本”输出的冲突表（或本算法的 OUTPUT），并已填写 take 列：copy（副本）写入外业副本的值，server（服务器）保留服务器的值，留空则暂不处理。所有选择在一个事务中应用；签入后服务器端又被修改的值，或图斑不能执行的流程步骤，将以文字说明拒绝，且不写入任何内容。每项选择记入操作日志；每项冲突只处理一次。OUTPUT 列出仍未处理的冲突（不提供 CONFLICTS 运行即可列出）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="175"/>
        <source>Conflicts with the take column filled in</source>
        <translation>已填写 take 列的冲突表</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="182"/>
        <source>Conflicts still open</source>
        <translation>未处理的冲突</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="179"/>
        <source>Field copy values written</source>
        <translation>写入的外业副本值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="180"/>
        <source>Server values kept</source>
        <translation>保留的服务器值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="181"/>
        <source>Already resolved before</source>
        <translation>此前已处理</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="187"/>
        <source>The conflicts table has no {fields} column: use the CONFLICTS table of &apos;Check in a field copy&apos; or the OUTPUT of this algorithm, and write copy or server in its take column.</source>
        <translation>冲突表缺少 {fields} 列：请使用“签入外业副本”的 CONFLICTS 表或本算法的 OUTPUT，并在其 take 列填写 copy 或 server。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="208"/>
        <source>Field copy&apos;s value taken: {conflict}</source>
        <translation>已采用外业副本的值：{conflict}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="210"/>
        <source>Server&apos;s value kept: {conflict}</source>
        <translation>已保留服务器的值：{conflict}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="212"/>
        <source>Already resolved the same way before: {conflict}</source>
        <translation>此前已按相同方式处理：{conflict}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/checkout_county.py" line="221"/>
        <source>{taken} field copy values written, {kept} server values kept; {open} conflicts still open.</source>
        <translation>写入外业副本值 {taken} 项，保留服务器值 {kept} 项；仍有 {open} 项冲突未处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="52"/>
        <source>Moves the listed patches to a workflow state (issued → field-verified → determined → case filed → rectifying → closed), writing the given verification-form fields with the move. Each patch is checked: no determination without a field check, a case only for an illegal determination, no closing without completed rectification (a legal or 'other' determination can be closed directly). Patches that may move are moved; refused ones are listed with their reasons (or none moves, with 'all or nothing'). The patches are read when the algorithm starts; one changed by another user before the move is written is refused, naming who changed what, and nothing of it is written. Each move is written to the patch's history with user, time and reason.</source>
        <translation>将所列图斑推进到指定流程状态（下发 → 已核查 → 已判定 → 已立案 → 整改中 → 已销号），并随之写入填写的核查表字段。逐个检查图斑：未实地核查不能判定，仅判定违法的图斑可以立案，整改未完成不能销号（判定合法或“其他”的可直接销号）。可推进的图斑予以推进；被拒绝的列出原因（勾选“全部或不执行”时一个被拒则都不推进）。算法开始时读取图斑；在写入前被其他用户修改的图斑将被拒绝，并说明谁改了什么，该图斑不写入任何内容。每次推进均记入图斑历史，含操作人、时间和理由。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="416"/>
        <source>'{word}' is not a choice: write copy (副本) to take the field copy's value, server (服务器) to keep the server's, or leave it empty.</source>
        <translation>“{word}”不是可用的选择：填写 copy（副本）采用外业副本的值，填写 server（服务器）保留服务器的值，或留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="474"/>
        <source>{conflict}: the field copy&apos;s row cannot replace the server&apos;s (deleted on the server or added on both sides); keep the server&apos;s and re-enter what is missing.</source>
        <translation>{conflict}：外业副本的记录不能替换服务器的记录（服务器端已删除，或两端都新增）；请保留服务器的记录并补录缺少的内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="478"/>
        <source>{conflict}: a licence boundary is changed only by importing its corner coordinates (the previous boundary is kept in its history); keep the server&apos;s and import the new coordinates.</source>
        <translation>{conflict}：采矿权范围只能通过导入拐点坐标更改（原范围保留在历史中）；请保留服务器的值并导入新坐标。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="546"/>
        <source>A patch&apos;s workflow state cannot be emptied.</source>
        <translation>图斑的流程状态不能为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="586"/>
        <source>Conflict {number} of checkout {checkout} is not recorded in this database.</source>
        <translation>本数据库中没有签出 {checkout} 的第 {number} 项冲突记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="595"/>
        <source>{conflict}: already resolved by {user} on {when} ({choice}); it is not resolved twice.</source>
        <translation>{conflict}：已由 {user} 于 {when} 处理（{choice}），不能重复处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="611"/>
        <source>{conflict}: the row was deleted on the server since the check-in.</source>
        <translation>{conflict}：签入后该记录已在服务器端删除。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="618"/>
        <source>{conflict}: the server&apos;s value was changed again since the check-in by {user} at {when} ({fields}); look at it again before choosing.</source>
        <translation>{conflict}：签入后服务器端的值又被 {user} 于 {when} 修改（{fields}）；请重新查看后再选择。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="626"/>
        <source>{conflict}: the workflow refuses the field copy&apos;s value: {reasons}</source>
        <translation>{conflict}：流程规则不允许采用外业副本的值：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="644"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="651"/>
        <source>the field copy&apos;s value</source>
        <translation>外业副本的值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/checkout.py" line="651"/>
        <source>the server&apos;s value</source>
        <translation>服务器的值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="246"/>
        <source>The connection holds no password and Processing cannot ask for one: save the credentials in an authentication configuration of the QGIS connection (Data Source Manager, PostgreSQL), or use a service with a password file, then run it again.</source>
        <translation>该连接未保存密码，而处理工具无法询问密码：请在 QGIS 连接（数据源管理器 › PostgreSQL）的认证配置中保存凭据，或使用带密码文件的服务，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="260"/>
        <source>The server asks for the password of {database}: {reason}</source>
        <translation>服务器要求输入 {database} 的密码：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/connections.py" line="266"/>
        <source>No password was given for {database}; it was not opened.</source>
        <translation>未提供 {database} 的密码，未打开。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/checkin_dialog.py" line="90"/>
        <source>{database}: conflicts {count}, from check-ins {checkins}. A field changed both in the field copy and on the server; the server kept its value. Choose per row which value stays.</source>
        <translation>{database}：冲突 {count} 项，来自 {checkins} 次签入。同一字段在外业副本和服务器上都被修改，服务器保留了其值。请逐行选择保留哪个值。</translation>
    </message>
</context>
</TS>
