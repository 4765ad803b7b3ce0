<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="143" />
        <source>&amp;Mine supervision</source>
        <translation>矿产监管(&amp;M)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/base.py" line="88" />
        <source>Mine supervision</source>
        <translation>矿产监管</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="156" />
        <source>New supervision database…</source>
        <translation>新建监管数据库…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="157" />
        <source>Open supervision database…</source>
        <translation>打开监管数据库…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="31" />
        <source>{path} was upgraded from schema {old} to {new}.</source>
        <translation>{path} 的数据库结构已由版本 {old} 升级至 {new}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="37" />
        <source>Opened {path}.</source>
        <translation>已打开 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="56" />
        <source>New supervision database</source>
        <translation>新建监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="32" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="62" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="37" />
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="66" />
        <source>Use the CGCS2000 Gauss–Krüger zone of your county, e.g. EPSG:4526 for zone 38 with the zone prefix.</source>
        <translation>请使用本县所在的 CGCS2000 高斯-克吕格投影带，例如第 38 带（东坐标含带号前缀）为 EPSG:4526。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/database_dialogs.py" line="89" />
        <source>Open supervision database</source>
        <translation>打开监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="69" />
        <source>Import licence coordinates</source>
        <translation>导入许可证拐点坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="93" />
        <source>Coordinate file or folder</source>
        <translation>坐标文件或文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="93" />
        <source>Coordinate files (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;All files (*)</source>
        <translation>坐标文件 (*.txt *.TXT *.csv *.CSV *.xlsx *.XLSX);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="102" />
        <source>Coordinate reference system (empty: automatic)</source>
        <translation>坐标参考系（留空：自动识别）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="105" />
        <source>Store into supervision database (optional)</source>
        <translation>存入监管数据库（可选）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="114" />
        <source>Licence parcels</source>
        <translation>许可证地块</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Files imported</source>
        <translation>已导入文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Files refused</source>
        <translation>被拒收文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Licences imported</source>
        <translation>已导入许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Licences created in the database</source>
        <translation>数据库中新建的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Licences updated in the database</source>
        <translation>数据库中更新的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="117" />
        <source>Licences unchanged in the database</source>
        <translation>数据库中未变化的许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="135" />
        <source>{folder} holds no coordinate files (.txt, .csv, .xlsx).</source>
        <translation>{folder} 中没有坐标文件（.txt、.csv、.xlsx）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="233" />
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="155" />
        <source>Refused {path}:
{problems}</source>
        <translation>已拒收 {path}：
{problems}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="161" />
        <source>Refused {path}: {reason}</source>
        <translation>已拒收 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="170" />
        <source>No file could be imported from {path}.</source>
        <translation>{path} 中没有可导入的文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="234" />
        <source>{path}: reprojected from EPSG:{source} to EPSG:{target}.</source>
        <translation>{path}：已由 EPSG:{source} 重投影至 EPSG:{target}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="218" />
        <source>Imported {licences} licences from {files} files; {refused} files refused.</source>
        <translation>已从 {files} 个文件导入 {licences} 个许可证；拒收 {refused} 个文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="269" />
        <source>The coordinate reference system must be an EPSG one (such as EPSG:4526), not {crs}.</source>
        <translation>坐标参考系必须为 EPSG 坐标系（如 EPSG:4526），而不是 {crs}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="201" />
        <source>Nothing was stored in {path}: {reason}</source>
        <translation>未向 {path} 写入任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="205" />
        <source>Database {path}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>数据库 {path}：新建 {created} 个，更新 {updated} 个，未变化 {unchanged} 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="52" />
        <source>Export licence coordinates</source>
        <translation>导出许可证拐点坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="55" />
        <source>Writes the licences of a supervision database as coordinate files: one land coordinate exchange txt or one mining-right registration txt per licence (named after the licence number), or one CSV corner table for all of them. Corners keep their numbers and the coordinates as given on the licence, so importing the files again gives the same coordinates. Leave the licence numbers empty to export every licence; separate several with commas.</source>
        <translation>将监管数据库中的许可证导出为坐标文件：每个许可证一个土地坐标交换格式 txt 或采矿权登记格式 txt（以许可证号命名），或全部许可证合为一个 CSV 拐点坐标表。拐点保留原编号及许可证上登记的坐标，重新导入这些文件可得到相同的坐标。许可证号留空则导出全部许可证；多个许可证号以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="32" />
        <source>Supervision database</source>
        <translation>监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="69" />
        <source>Licence numbers (comma separated; empty = all)</source>
        <translation>许可证号（以逗号分隔；留空 = 全部）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="72" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="72" />
        <source>Land coordinate exchange txt</source>
        <translation>土地坐标交换格式 txt</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="72" />
        <source>Mining-right registration txt</source>
        <translation>采矿权登记格式 txt</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="72" />
        <source>CSV corner table</source>
        <translation>CSV 拐点坐标表</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="80" />
        <source>Text encoding of the txt files</source>
        <translation>txt 文件的文本编码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="85" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="86" />
        <source>Files written</source>
        <translation>已写出文件数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="87" />
        <source>Licences exported</source>
        <translation>已导出许可证数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="100" />
        <source>Not in the database: {numbers}</source>
        <translation>数据库中不存在：{numbers}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="107" />
        <source>The database holds no licences to export.</source>
        <translation>数据库中没有可导出的许可证。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="124" />
        <source>Wrote {path}</source>
        <translation>已写出 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="126" />
        <source>Licence {license_no} cannot be exported: {reason}</source>
        <translation>许可证 {license_no} 无法导出：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/export_coordinates.py" line="141" />
        <source>Wrote {count} corners to {path}</source>
        <translation>已将 {count} 个拐点写入 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="22" />
        <source>Create supervision database</source>
        <translation>新建监管数据库</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="25" />
        <source>Creates an empty supervision database (GeoPackage) holding every table of the schema: mining rights, parcels, corners, monitoring zones, patches and their workflow log, inspections, photos, corner checks, survey extents, notices, the problem ledger and the audit log.</source>
        <translation>新建一个空的监管数据库（GeoPackage），包含数据库结构中的全部数据表：采矿权、地块、拐点、重点监测矿区、图斑及其流程记录、巡查核查记录、照片、拐点核查、勘测范围、整改通知书、问题台账和审计日志。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="42" />
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/create_database.py" line="52" />
        <source>Created {path}</source>
        <translation>已创建 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="107" />
        <source>EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation>EPSG:{epsg} 不是已知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="109" />
        <source>EPSG:{epsg} is not a Gauss–Krüger projection; coordinate files need one.</source>
        <translation>EPSG:{epsg} 不是高斯-克吕格投影；坐标文件须采用高斯-克吕格投影。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="132" />
        <source>Licence {license_no} has no coordinate reference system; it cannot be written.</source>
        <translation>许可证 {license_no} 没有坐标参考系，无法写出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="142" />
        <source>Licence {license_no} has no parcels to write.</source>
        <translation>许可证 {license_no} 没有可写出的地块。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="146" />
        <source>Licence {license_no}, parcel {parcel_no}, ring {ring}: fewer than 3 corners.</source>
        <translation>许可证 {license_no}，地块 {parcel_no}，第 {ring} 圈：拐点少于 3 个。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="186" />
        <source>A value cannot be written in the {encoding} encoding: {text}</source>
        <translation>有内容无法以 {encoding} 编码写出：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="86" />
        <source>Licence {license_no} has no coordinate reference system; it cannot be placed on the map.</source>
        <translation>许可证 {license_no} 没有坐标参考系，无法在地图上定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="94" />
        <source>Licence {license_no}: EPSG:{epsg} is not a known coordinate reference system.</source>
        <translation>许可证 {license_no}：EPSG:{epsg} 不是已知的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="103" />
        <source>Licence {license_no} is in EPSG:{epsg} ({datum}) but the database is in EPSG:{store_epsg} ({store_datum}). Transform the coordinates with the official parameters for your area first; they are not stored as they are.</source>
        <translation>许可证 {license_no} 的坐标系为 EPSG:{epsg}（{datum}），而数据库为 EPSG:{store_epsg}（{store_datum}）。请先用本地区的官方转换参数转换坐标；坐标未按原样入库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="139" />
        <source>Licence {license_no}, parcel {parcel_no}</source>
        <translation>许可证 {license_no}，地块 {parcel_no}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="143" />
        <source>{where}: the boundary cannot be built ({reason}).</source>
        <translation>{where}：无法构建范围边界（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="146" />
        <source>{where}: the boundary is not a valid polygon ({reason}).</source>
        <translation>{where}：范围边界不是有效的多边形（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="156" />
        <source>Licence {license_no} has no area left once its excluded parcels are cut out.</source>
        <translation>许可证 {license_no} 扣除地块后已无剩余面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="520" />
        <source>A licence without a licence number cannot be stored ({source}).</source>
        <translation>没有许可证号的许可证无法入库（{source}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="180" />
        <source>Licence {license_no} has no parcels.</source>
        <translation>许可证 {license_no} 没有地块。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="207" />
        <source>Licence {license_no}, parcel {parcel_no}: corners cannot be placed in EPSG:{epsg}.</source>
        <translation>许可证 {license_no}，地块 {parcel_no}：拐点无法在 EPSG:{epsg} 中定位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="247" />
        <source>Licence {license_no}: unknown {column} value “{value}” ignored.</source>
        <translation>许可证 {license_no}：{column} 的取值“{value}”无法识别，已忽略。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="436" />
        <source>Licence {license_no} is not in the database.</source>
        <translation>数据库中没有许可证 {license_no}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="105" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/project.py" line="133" />
        <source>Layer {table} of {path} could not be loaded.</source>
        <translation>无法加载 {path} 中的图层 {table}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="177" />
        <source>Creating a PostGIS supervision database is not available in this version.</source>
        <translation>本版本暂不支持新建 PostGIS 监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="182" />
        <source>{path} already exists; choose another name or open it.</source>
        <translation>{path} 已存在；请另取文件名或直接打开该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="184" />
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="186" />
        <source>The folder {folder} is not writable.</source>
        <translation>文件夹 {folder} 不可写。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="235" />
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="237" />
        <source>{path} cannot be read (permission denied).</source>
        <translation>{path} 无法读取（权限不足）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="262" />
        <source>{path} is not a GeoPackage file.</source>
        <translation>{path} 不是 GeoPackage 文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="243" />
        <source>{path} is read-only: copy it to a folder where you may write, or ask for write permission.</source>
        <translation>{path} 为只读：请将其复制到有写入权限的文件夹，或申请写入权限。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="264" />
        <source>{path} is a GeoPackage but not a supervision database (no {table} table).</source>
        <translation>{path} 是 GeoPackage，但不是监管数据库（缺少 {table} 表）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="271" />
        <source>{path} is a GeoPackage but not a supervision database.</source>
        <translation>{path} 是 GeoPackage，但不是监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="285" />
        <source>{path} is locked by another program; close it there and try again.</source>
        <translation>{path} 已被其他程序锁定；请在该程序中关闭后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="288" />
        <source>{path} is not a GeoPackage file ({reason}).</source>
        <translation>{path} 不是 GeoPackage 文件（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="486" />
        <source>{path} cannot be opened: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="490" />
        <source>{path} is not a supervision database.</source>
        <translation>{path} 不是监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="496" />
        <source>{path} has a damaged schema record: {reason}</source>
        <translation>{path} 的数据库结构记录已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="503" />
        <source>{path} was written by a newer version of the plugin (schema {found}; this plugin knows up to {known}). Update the Mine supervision plugin to open it.</source>
        <translation>{path} 由更高版本的插件写入（数据库结构版本 {found}；本插件最高支持 {known}）。请更新矿产监管插件后再打开。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="515" />
        <source>{path} has schema {found} and needs migrating to {known}.</source>
        <translation>{path} 的数据库结构版本为 {found}，需要迁移至 {known}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="90" />
        <source>issued</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="91" />
        <source>field-verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="92" />
        <source>determined</source>
        <translation>已判定</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="93" />
        <source>case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="94" />
        <source>rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="95" />
        <source>closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="98" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="159" />
        <source>No field check is recorded: the field-check date is missing.</source>
        <translation>没有实地核查记录：缺少核查日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="163" />
        <source>The field-check date {value} is not a date.</source>
        <translation>核查日期 {value} 不是有效日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="166" />
        <source>The field-check date {date} is in the future.</source>
        <translation>核查日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="169" />
        <source>The field-check date {date} is before the after-imagery date {imagery}.</source>
        <translation>核查日期 {date} 早于后时相影像日期 {imagery}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="175" />
        <source>The inspectors who made the field check are not recorded.</source>
        <translation>未记录实地核查人员。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="177" />
        <source>No field check is recorded: the finding is missing.</source>
        <translation>没有实地核查记录：缺少核查情况。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="185" />
        <source>No determination (legal / illegal / other) is recorded.</source>
        <translation>未记录判定结果（合法/违法/其他）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="188" />
        <source>Unknown determination {value}.</source>
        <translation>未知的判定结果 {value}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="192" />
        <source>Unknown violation type {value}.</source>
        <translation>未知的违法类型 {value}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="194" />
        <source>A patch determined illegal needs a violation type.</source>
        <translation>判定为违法的图斑须填写违法类型。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="196" />
        <source>A patch determined legal cannot carry a violation type ({value}).</source>
        <translation>判定为合法的图斑不能填写违法类型（{value}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="340" />
        <source>Unknown workflow state {state}; the states are: {states}.</source>
        <translation>未知的流程状态 {state}；可用状态为：{states}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="231" />
        <source>The patch has an unknown workflow state {state}.</source>
        <translation>图斑的流程状态 {state} 无法识别。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="233" />
        <source>The patch is already {state}.</source>
        <translation>图斑已处于“{state}”状态。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="236" />
        <source>A closed patch cannot move on; correct the closing event to reopen it.</source>
        <translation>已销号的图斑不能再流转；如需重新打开，请更正销号环节。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="239" />
        <source>A patch cannot move from {from_state} to {to_state}; the next step allowed is: {allowed}.</source>
        <translation>图斑不能由“{from_state}”转入“{to_state}”；允许的下一步为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="254" />
        <source>A case can be filed only for a patch determined illegal (this one is {value}).</source>
        <translation>只有判定为违法的图斑才能立案（该图斑判定为“{value}”）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="260" />
        <source>The case number is missing.</source>
        <translation>缺少案件编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="264" />
        <source>A patch determined illegal must be filed as a case before rectification (no handling without a case).</source>
        <translation>判定为违法的图斑须先立案再整改（不得未立案即处理）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="271" />
        <source>A patch determined legal needs no rectification; close it instead.</source>
        <translation>判定为合法的图斑无需整改，请直接销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="277" />
        <source>A patch determined illegal can be closed only after its case is filed and rectified.</source>
        <translation>判定为违法的图斑须立案并整改后方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="283" />
        <source>Rectification and penalty are not recorded as completed; a patch is closed only after both.</source>
        <translation>未记录整改和处罚已完成；图斑须在两者均完成后方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="305" />
        <source>These fields cannot be set by a workflow step: {fields}.</source>
        <translation>以下字段不能通过流程操作设置：{fields}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="314" />
        <source>The {field} of a determined patch is changed only by correcting the determination.</source>
        <translation>已判定图斑的 {field} 只能通过更正判定环节修改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="347" />
        <source>Only the latest event of a patch can be corrected: event {fid} is followed by event {latest}; correct that one first.</source>
        <translation>只能更正图斑的最后一条流程记录：第 {fid} 条之后还有第 {latest} 条，请先更正后者。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="354" />
        <source>The issue record of a patch cannot be corrected.</source>
        <translation>图斑的下发记录不能更正。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/workflow.py" line="356" />
        <source>The patch is already {state}; there is nothing to correct.</source>
        <translation>图斑已处于“{state}”状态，无需更正。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="117" />
        <source>Unknown patch fields in the field mapping: {names}.</source>
        <translation>字段对应关系中有未知的图斑字段：{names}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="121" />
        <source>Unknown area unit {unit}.</source>
        <translation>未知的面积单位 {unit}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="303" />
        <source>{file} has no .dbf attribute file.</source>
        <translation>{file} 缺少 .dbf 属性文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="311" />
        <source>encoding {encoding} from {cpg}</source>
        <translation>编码 {encoding}（来自 {cpg}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="315" />
        <source>{cpg} says {declared} but the text is not valid {declared}; read as {encoding}</source>
        <translation>{cpg} 声明为 {declared}，但文本不是有效的 {declared}；按 {encoding} 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="319" />
        <source>no non-ASCII text; read as UTF-8</source>
        <translation>无非 ASCII 文本；按 UTF-8 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="321" />
        <source>encoding {encoding} from the .dbf language driver</source>
        <translation>编码 {encoding}（来自 .dbf 语言驱动）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="326" />
        <source>no .cpg file; the text reads as {encoding}</source>
        <translation>无 .cpg 文件；文本按 {encoding} 读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="327" />
        <source>no .cpg file and the text is neither UTF-8 nor GBK; read as GB18030, check the Chinese text</source>
        <translation>无 .cpg 文件，且文本既非 UTF-8 也非 GBK；按 GB18030 读取，请核对中文内容</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="358" />
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="365" />
        <source>{file} has no layer {layer}.</source>
        <translation>{file} 中没有图层 {layer}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="369" />
        <source>{file} holds no layer.</source>
        <translation>{file} 中没有图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="381" />
        <source>{file} holds several layers ({names}); choose the one with the patches.</source>
        <translation>{file} 包含多个图层（{names}）；请选择图斑所在的图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="429" />
        <source>The coordinate reference system of {file} is unknown (no .prj file or CRS definition). The patches cannot be placed: add the CRS to the file (e.g. with QGIS 'Assign projection') and import again.</source>
        <translation>{file} 的坐标参考系未知（无 .prj 文件或坐标系定义），图斑无法定位：请为文件指定坐标系（如使用 QGIS 的“指定投影”工具）后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="451" />
        <source>{file} declares the geographic CRS {crs}, but its coordinates are not longitudes and latitudes (x {min_x:.0f}…{max_x:.0f}, y {min_y:.0f}…{max_y:.0f}). Its CRS declaration is wrong: assign the right projected CRS and import again.</source>
        <translation>{file} 声明为地理坐标系 {crs}，但其坐标不是经纬度（x {min_x:.0f}…{max_x:.0f}，y {min_y:.0f}…{max_y:.0f}）。坐标系声明有误：请指定正确的投影坐标系后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="474" />
        <source>{file} is in {crs} (datum {datum}). Converting it to EPSG:{target} needs the local transformation parameters, which this plugin does not guess. Convert the file to CGCS2000 with the parameters from your surveying authority first.</source>
        <translation>{file} 采用 {crs}（基准 {datum}）。转换至 EPSG:{target} 需要本地转换参数，本插件不作推测。请先使用测绘主管部门提供的参数将文件转换为 CGCS2000。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="520" />
        <source>The patches of {file} lie around longitude {lon:.3f}, latitude {lat:.3f}, outside the area where EPSG:{epsg} is used ({west:.1f}–{east:.1f}°E): check the CRS of the file and of the database.</source>
        <translation>{file} 中的图斑位于经度 {lon:.3f}、纬度 {lat:.3f} 附近，超出 EPSG:{epsg} 的适用范围（东经 {west:.1f}–{east:.1f}°）：请检查文件和数据库的坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="739" />
        <source>row {row} (patch {patch_no})</source>
        <translation>第 {row} 行（图斑 {patch_no}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="739" />
        <source>row {row} (no patch number)</source>
        <translation>第 {row} 行（无图斑编号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="757" />
        <source>{where}: the geometry is empty; the patch is kept without one.</source>
        <translation>{where}：图形为空；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="567" />
        <source>{where}: the geometry is a {kind}, not a polygon; the patch is kept without geometry.</source>
        <translation>{where}：图形为 {kind}，不是面；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="572" />
        <source>{where}: parts that are not polygons were left out.</source>
        <translation>{where}：已舍弃非面部分。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="576" />
        <source>{where}: the geometry is invalid ({reason}) and has no area once repaired; kept without geometry.</source>
        <translation>{where}：图形无效（{reason}），修复后面积为零；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="581" />
        <source>{where}: self-intersecting or otherwise invalid geometry ({reason}) repaired.</source>
        <translation>{where}：已修复自相交或其他无效图形（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="685" />
        <source>{file} does not exist.</source>
        <translation>{file} 不存在。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="709" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="723" />
        <source>{file} has no patch-number field (looked for {candidates}); its fields are: {fields}. Choose the patch-number field in the field mapping.</source>
        <translation>{file} 中没有图斑编号字段（已查找 {candidates}）；其字段为：{fields}。请在字段对应关系中指定图斑编号字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="745" />
        <source>{where}: the patch number is missing.</source>
        <translation>{where}：缺少图斑编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="770" />
        <source>{where}: the geometry cannot be read or reprojected ({reason}); kept without geometry.</source>
        <translation>{where}：无法读取或重投影图形（{reason}）；保留该图斑，但不含图形。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="783" />
        <source>{where}: {field} value {value} is not a date; left empty.</source>
        <translation>{where}：{field} 的值 {value} 不是日期，已留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="796" />
        <source>{where}: year {value} is not a year; left empty.</source>
        <translation>{where}：年度 {value} 不是有效年份，已留空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="801" />
        <source>{where}: area {value} is not a number; the computed area is used.</source>
        <translation>{where}：面积 {value} 不是数值，改用计算面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="833" />
        <source>Patch number {patch_no} occurs {count} times (rows {rows}).</source>
        <translation>图斑编号 {patch_no} 出现 {count} 次（第 {rows} 行）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="870" />
        <source>The declared areas ({field}) of {file} match the computed areas in no unit (m², 亩, ha, km²); read as m². Set the area unit in the field mapping.</source>
        <translation>{file} 的属性面积（{field}）与计算面积在任何单位（m²、亩、公顷、km²）下均不一致，按 m² 读取。请在字段对应关系中设置面积单位。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="877" />
        <source>The declared areas ({field}) of {file} are in {unit}; converted to m².</source>
        <translation>{file} 的属性面积（{field}）单位为 {unit}，已换算为 m²。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="890" />
        <source>{where}: declared area {declared:.2f} m² differs from the computed {computed:.2f} m².</source>
        <translation>{where}：属性面积 {declared:.2f} m² 与计算面积 {computed:.2f} m² 不一致。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="232" />
        <source>Licence {license_no}: excluded parcel {parcel_no} does not lie inside one licensed parcel, which the land coordinate exchange format cannot express; use the registration format.</source>
        <translation>许可证 {license_no}：扣除地块 {parcel_no} 不完全位于某一个登记地块内，土地坐标交换格式无法表达；请使用采矿权登记格式。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="368" />
        <source>A corner table holds one coordinate system; these licences are in {crs}.</source>
        <translation>一个拐点坐标表只能采用一种坐标系；这些许可证的坐标系为 {crs}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="50" />
        <source>warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="87" />
        <source>the file states {file_datum} but EPSG:{epsg} ({crs_datum}) was given; the given CRS is used</source>
        <translation>文件声明为 {file_datum}，但指定了 EPSG:{epsg}（{crs_datum}）；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="94" />
        <source>the eastings carry zone {zone} but EPSG:{epsg} is not that zone with a zone prefix</source>
        <translation>东坐标含带号 {zone}，但 EPSG:{epsg} 不是该带的含带号前缀坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="101" />
        <source>EPSG:{epsg} expects eastings with a zone prefix but the file's eastings have none</source>
        <translation>EPSG:{epsg} 要求东坐标含带号前缀，但文件中的东坐标不含带号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="108" />
        <source>the file states zone {zone} but EPSG:{epsg} is zone {crs_zone}; the given CRS is used</source>
        <translation>文件声明为第 {zone} 带，但 EPSG:{epsg} 为第 {crs_zone} 带；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="124" />
        <source>unsupported coordinate system '{name}': give the CRS explicitly</source>
        <translation>不支持的坐标系“{name}”：请明确指定坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="131" />
        <source>the file does not state its coordinate system; CGCS2000 is assumed</source>
        <translation>文件未声明坐标系；按 CGCS2000 处理</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="136" />
        <source>zone prefix {zone} is not a Chinese Gauss–Krüger zone</source>
        <translation>带号前缀 {zone} 不是我国的高斯-克吕格投影带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="139" />
        <source>the file states {width}-degree zones but prefix {zone} is a {found}-degree zone</source>
        <translation>文件声明为 {width} 度带，但带号前缀 {zone} 属于 {found} 度带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="147" />
        <source>zone {stated} was stated but the eastings carry zone {zone}; the eastings' zone is used</source>
        <translation>声明为第 {stated} 带，但东坐标含带号 {zone}；采用东坐标中的带号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="164" />
        <source>the eastings have no zone prefix and the file states no zone (带号): give the zone or the CRS</source>
        <translation>东坐标不含带号前缀，文件也未声明带号：请指定带号或坐标参考系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="172" />
        <source>zone {zone} is not a {width}-degree Gauss–Krüger zone of China</source>
        <translation>第 {zone} 带不是我国的 {width} 度高斯-克吕格投影带</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="179" />
        <source>no EPSG code for {width}-degree zone {zone}</source>
        <translation>{width} 度带第 {zone} 带没有对应的 EPSG 代码</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="182" />
        <source>coordinates are in {datum} (EPSG:{epsg}): they must be transformed to CGCS2000</source>
        <translation>坐标采用 {datum}（EPSG:{epsg}）：须转换为 CGCS2000</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="116" />
        <source>cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="122" />
        <source>the file is neither UTF-8 nor GBK/GB18030 text</source>
        <translation>文件既不是 UTF-8 文本，也不是 GBK/GB18030 文本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="60" />
        <source>old .xls workbooks are not read: save the table as .xlsx or .csv</source>
        <translation>不读取旧版 .xls 工作簿：请将表格另存为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="64" />
        <source>not a recognised coordinate file (land exchange txt, registration txt or corner table)</source>
        <translation>不是可识别的坐标文件（土地坐标交换格式 txt、采矿权登记格式 txt 或拐点坐标表）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="94" />
        <source>the coordinate system could not be determined</source>
        <translation>无法确定坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="48" />
        <source>line ignored: {text}</source>
        <translation>已忽略该行：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="56" />
        <source>corner line before any parcel header line</source>
        <translation>拐点行出现在所有地块标题行之前</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="65" />
        <source>expected '点号,圈号,X,Y', found: {text}</source>
        <translation>应为“点号,圈号,X,Y”，实为：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="71" />
        <source>point name '{name}' has no number; numbered {number}</source>
        <translation>点名“{name}”不含编号；编为 {number} 号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="77" />
        <source>ring number (圈号) '{ring}' is not a positive integer</source>
        <translation>圈号“{ring}”不是正整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="85" />
        <source>coordinates are not numbers: {text}</source>
        <translation>坐标不是数值：{text}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="94" />
        <source>no [地块坐标] section with parcels</source>
        <translation>缺少含地块的 [地块坐标] 节</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="98" />
        <source>the file states no licence number (许可证号); the file name '{name}' is used</source>
        <translation>文件未注明许可证号；使用文件名“{name}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="117" />
        <source>coordinate unit (计量单位) '{unit}' is not metres: only projected coordinates in metres are read</source>
        <translation>计量单位“{unit}”不是米：只读取以米为单位的投影坐标</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="132" />
        <source>corner count (界址点数) '{value}' is not an integer</source>
        <translation>界址点数“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="154" />
        <source>geometry type '{kind}' is not a polygon (面)</source>
        <translation>图形类型“{kind}”不是面</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="56" />
        <source>row count (总行数) '{value}' is not an integer</source>
        <translation>总行数“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="61" />
        <source>XY line numbers jump from {previous} to {current}</source>
        <translation>XY 行号由 {previous} 跳至 {current}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="93" />
        <source>parcel closing line without corners before it</source>
        <translation>地块结束行之前没有拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="98" />
        <source>the last parcel has no closing line (标高上限,标高下限,,标识)</source>
        <translation>最后一个地块缺少结束行（标高上限,标高下限,,标识）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="100" />
        <source>the row count line (矿区范围拐点坐标与标高的总行数) is missing</source>
        <translation>缺少总行数行（矿区范围拐点坐标与标高的总行数）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="102" />
        <source>row count (总行数) is {declared} but the file has {given} XY lines (corner lines plus closing lines)</source>
        <translation>总行数为 {declared}，但文件中有 {given} 个 XY 行（拐点行加结束行）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="109" />
        <source>no corner lines (XYnnn=点号,X,Y)</source>
        <translation>没有拐点行（XYnnn=点号,X,Y）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="112" />
        <source>the licence number (许可证号) is missing</source>
        <translation>缺少许可证号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="171" />
        <source>elevation '{value}' is not a number</source>
        <translation>标高“{value}”不是数值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="150" />
        <source>top elevation {top} m is below bottom elevation {bottom} m</source>
        <translation>标高上限 {top} 米低于标高下限 {bottom} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/registration.py" line="161" />
        <source>unknown parcel flag '{flag}' (known: 1, 0 or empty = licensed parcel, -1 = excluded parcel); read as a licensed parcel</source>
        <translation>未知的地块标识“{flag}”（可用值：1、0 或空 = 登记地块，-1 = 扣除地块）；按登记地块读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="238" />
        <source>unknown mining method '{value}'</source>
        <translation>未知的开采方式“{value}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="245" />
        <source>validity '{value}' is not 'start至end'</source>
        <translation>有效期“{value}”不符合“起始日期至终止日期”格式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="259" />
        <source>date '{value}' is not a date</source>
        <translation>日期“{value}”不是有效日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="261" />
        <source>validity ends before it starts</source>
        <translation>有效期终止日期早于起始日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="75" />
        <source>reading .xlsx needs the Python package openpyxl</source>
        <translation>读取 .xlsx 需要 Python 包 openpyxl</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="80" />
        <source>cannot open the workbook: {error}</source>
        <translation>无法打开工作簿：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="106" />
        <source>no header row with X and Y columns (X/北坐标, Y/东坐标) in the first 10 rows</source>
        <translation>前 10 行中没有含 X、Y 列（X/北坐标、Y/东坐标）的表头行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="113" />
        <source>no licence number column (许可证号/license_no); the file name '{name}' is used</source>
        <translation>没有许可证号列（许可证号/license_no）；使用文件名“{name}”</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="175" />
        <source>elevation {value} differs from {first} given earlier for this parcel</source>
        <translation>标高 {value} 与该地块前面给出的 {first} 不一致</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="211" />
        <source>coordinates are not numbers: X={x}, Y={y}</source>
        <translation>坐标不是数值：X={x}，Y={y}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="234" />
        <source>the table has no corner rows</source>
        <translation>表中没有拐点行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/tables.py" line="238" />
        <source>the table mixes {what} values: {values}</source>
        <translation>表中 {what} 取值不一致：{values}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="180" />
        <source>X={x}, Y={y} is not a Gauss–Krüger coordinate in metres (X northing of 7 digits, Y easting of 6 digits or 8 with the zone)</source>
        <translation>X={x}，Y={y} 不是以米为单位的高斯-克吕格坐标（X 为 7 位北坐标，Y 为 6 位东坐标，含带号为 8 位）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="191" />
        <source>X and Y are swapped on this line compared with the rest of the file</source>
        <translation>与文件其余各行相比，本行 X、Y 颠倒</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="201" />
        <source>X and Y columns are swapped (X must be the northing, Y the easting); they were swapped back</source>
        <translation>X、Y 列颠倒（X 应为北坐标，Y 应为东坐标）；已调换回来</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="209" />
        <source>no prefix</source>
        <translation>无带号前缀</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="211" />
        <source>eastings mix zones or prefixes ({zones})</source>
        <translation>东坐标中带号或前缀不一致（{zones}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="240" />
        <source>corner {number} repeats the coordinates of the corner before it ({previous})</source>
        <translation>拐点 {number} 与上一拐点坐标重复（{previous}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="251" />
        <source>ring {ring} has {count} distinct corners; a ring needs at least 3</source>
        <translation>第 {ring} 圈只有 {count} 个不重复的拐点；每圈至少需要 3 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="283" />
        <source>ring {ring} intersects itself: edge {a}–{b} meets edge {c}–{d} near X={x:.2f}, Y={y:.2f}</source>
        <translation>第 {ring} 圈自相交：边 {a}–{b} 与边 {c}–{d} 相交于 X={x:.2f}，Y={y:.2f} 附近</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="295" />
        <source>ring {ring} intersects itself</source>
        <translation>第 {ring} 圈自相交</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="308" />
        <source>the parcel has no outer ring (圈号 1)</source>
        <translation>地块没有外圈（圈号 1）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="320" />
        <source>declared corner count (界址点数) is {declared} but the parcel has {given} corner lines</source>
        <translation>界址点数为 {declared}，但地块有 {given} 个拐点行</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="335" />
        <source>ring {ring} (a hole) is not inside the outer ring</source>
        <translation>第 {ring} 圈（内圈）不在外圈之内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="345" />
        <source>holes {a} and {b} overlap by {area:.2f} m²</source>
        <translation>内圈 {a} 与内圈 {b} 重叠 {area:.2f} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="356" />
        <source>invalid polygon: {reason}</source>
        <translation>无效多边形：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="415" />
        <source>parcel areas (地块面积) are in {unit}, not in hectares (公顷) as the format specifies</source>
        <translation>地块面积的单位为 {unit}，而不是格式规定的公顷</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="208" />
        <source>the file has no corners</source>
        <translation>文件中没有拐点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="234" />
        <source>parcel number {number} is used twice in licence {licence}</source>
        <translation>许可证 {licence} 中地块编号 {number} 重复使用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="434" />
        <source>parcels {a} and {b} of licence {licence} overlap by {area:.2f} m²</source>
        <translation>许可证 {licence} 的地块 {a} 与地块 {b} 重叠 {area:.2f} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="445" />
        <source>excluded parcel is not inside the licensed parcels</source>
        <translation>扣除地块不在登记地块范围内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="179" />
        <source>A reason is required for every workflow step and correction.</source>
        <translation>每次流程操作和更正都必须填写理由。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="172" />
        <source>Unknown workflow state {state}.</source>
        <translation>未知的流程状态 {state}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="589" />
        <source>There is no patch {patch_no} in the database.</source>
        <translation>数据库中没有图斑 {patch_no}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="534" />
        <source>Not applied: other patches of the batch were refused.</source>
        <translation>未执行：本批次中有其他图斑未通过。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="583" />
        <source>There is no workflow event {fid}.</source>
        <translation>不存在第 {fid} 条流程记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="632" />
        <source>The CRS of the patches ({crs}) has no EPSG code; reproject them first.</source>
        <translation>图斑的坐标参考系（{crs}）没有 EPSG 代码；请先重投影。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="679" />
        <source>{where}: {field} value {value} cannot be read.</source>
        <translation>{where}：{field} 的值 {value} 无法读取。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="722" />
        <source>Unknown patch source {source}.</source>
        <translation>未知的图斑来源 {source}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="729" />
        <source>Issued ({source})</source>
        <translation>下发（{source}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="786" />
        <source>Nothing was imported: these patch numbers are repeated in the batch or already stored: {numbers}.</source>
        <translation>未导入任何图斑：以下图斑编号在本批次中重复或已入库：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/patches.py" line="794" />
        <source>Nothing was imported: the batch has problems to fix first.</source>
        <translation>未导入任何图斑：本批次存在须先修正的问题。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="165" />
        <source>Draw patrol patch</source>
        <translation>绘制巡查图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="285" />
        <source>Open a supervision database first: the drawn patch is stored in it.</source>
        <translation>请先打开监管数据库：绘制的图斑将存入该数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="77" />
        <source>Violation patches</source>
        <translation>违法图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="73" />
        <source>Licence or patch number</source>
        <translation>许可证号或图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="84" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="63" />
        <source>State</source>
        <translation>流程状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="119" />
        <source>Pre-judgment</source>
        <translation>预判结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="69" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="70" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="88" />
        <source>Zone</source>
        <translation>监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="67" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="128" />
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="129" />
        <source>Select the previous patch of the list and zoom to it</source>
        <translation>选中列表中的上一个图斑并缩放至该图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="130" />
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="131" />
        <source>Select the next patch of the list and zoom to it</source>
        <translation>选中列表中的下一个图斑并缩放至该图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="132" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="133" />
        <source>Zoom to the current patch and show its imagery</source>
        <translation>缩放至当前图斑并显示其影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="50" />
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="57" />
        <source>Apply to selected…</source>
        <translation>应用于所选…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="58" />
        <source>Move every selected patch to this state; refused ones are listed with reasons</source>
        <translation>将所选图斑全部转入该状态；不能转入的逐一列出原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39" />
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="39" />
        <source>Step</source>
        <translation>流程环节</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="73" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="48" />
        <source>Correct last step…</source>
        <translation>更正最后一步…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="49" />
        <source>Record a correction of the latest step as a new step; the history is never edited</source>
        <translation>以新记录更正最近一步；历史记录不会被修改</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="125" />
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="126" />
        <source>History</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="147" />
        <source>(not pre-judged)</source>
        <translation>（未预判）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="151" />
        <source>(outside every zone)</source>
        <translation>（不在重点监测矿区内）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="158" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="215" />
        <source>{shown} of {total} patches</source>
        <translation>共 {total} 个图斑，显示 {shown} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="223" />
        <source>{position} / {count}</source>
        <translation>{position} / {count}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="225" />
        <source>– / {count}</source>
        <translation>– / {count}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="300" />
        <source>{count} selected</source>
        <translation>已选 {count} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="332" />
        <source>No patch in the list.</source>
        <translation>列表中没有图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="340" />
        <source>This is the last patch of the list.</source>
        <translation>已是列表中最后一个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_list.py" line="340" />
        <source>This is the first patch of the list.</source>
        <translation>已是列表中第一个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="281" />
        <source>Unsaved changes of the verification form of patch {patch_no} were discarded.</source>
        <translation>图斑 {patch_no} 核查表中未保存的修改已放弃。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="339" />
        <source>No patch selected.</source>
        <translation>未选择图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_dock.py" line="309" />
        <source>Patch {patch_no}: {state}, {prejudgment}</source>
        <translation>图斑 {patch_no}：{state}，{prejudgment}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="116" />
        <source>not pre-judged</source>
        <translation>未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="61" />
        <source>Patch {patch_no} has no geometry to zoom to.</source>
        <translation>图斑 {patch_no} 没有图形，无法缩放。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="74" />
        <source>The patch cannot be shown in the map's CRS: {error}</source>
        <translation>无法在地图坐标系中显示该图斑：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_map.py" line="115" />
        <source>The imagery of patch {patch_no} could not be shown: {error}</source>
        <translation>无法显示图斑 {patch_no} 的影像：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="80" />
        <source>The verification of patch {patch_no} was not saved: {error}</source>
        <translation>图斑 {patch_no} 的核查信息未保存：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="89" />
        <source>Verification of patch {patch_no} saved.</source>
        <translation>图斑 {patch_no} 的核查信息已保存。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="110" />
        <source>→ {state}</source>
        <translation>→ {state}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="111" />
        <source>Move patch {patch_no} to {state}; the form's changes are saved with the step</source>
        <translation>将图斑 {patch_no} 转入“{state}”；核查表的修改随此步一并保存</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="120" />
        <source>none (closed)</source>
        <translation>无（已销号）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="138" />
        <source>Workflow step</source>
        <translation>流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="138" />
        <source>Move patch {patch_no} from {from_state} to {to_state}.</source>
        <translation>将图斑 {patch_no} 由“{from_state}”转入“{to_state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="165" />
        <source>Patch {patch_no} was not moved: {error}</source>
        <translation>图斑 {patch_no} 未转入下一步：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="169" />
        <source>Patch {patch_no} moved to {state}.</source>
        <translation>图斑 {patch_no} 已转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="185" />
        <source>Select the patches to move first.</source>
        <translation>请先选择要操作的图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="187" />
        <source>Workflow step for {count} patches</source>
        <translation>{count} 个图斑的流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="187" />
        <source>Move the {count} selected patches to {state}. Patches that may not take this step are left as they are and listed.</source>
        <translation>将所选 {count} 个图斑转入“{state}”。不能转入的图斑保持原状并逐一列出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="205" />
        <source>No patch was moved: {error}</source>
        <translation>没有图斑被转入下一步：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="215" />
        <source>{count} patches moved to {state}.</source>
        <translation>{count} 个图斑已转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="220" />
        <source>… and {count} more (see the message log).</source>
        <translation>……另有 {count} 个（见日志消息）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="221" />
        <source>{done} patches moved to {state}, {refused} refused: {details}</source>
        <translation>{done} 个图斑已转入“{state}”，{refused} 个未通过：{details}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="224" />
        <source>Refused moves to {state}:</source>
        <translation>未能转入“{state}”的图斑：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="231" />
        <source>Patch {patch_no} was not saved: {reasons}</source>
        <translation>图斑 {patch_no} 未保存：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_steps.py" line="233" />
        <source>Patch {patch_no} cannot move to {state}: {reasons}</source>
        <translation>图斑 {patch_no} 不能转入“{state}”：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="78" />
        <source>correction of #{fid}: {step}</source>
        <translation>更正第 #{fid} 条：{step}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="85" />
        <source>Step #{fid}</source>
        <translation>第 #{fid} 条</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="87" />
        <source>corrected by #{fid}</source>
        <translation>已由第 #{fid} 条更正</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="134" />
        <source>The step was not corrected: {error}</source>
        <translation>未能更正：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_history.py" line="136" />
        <source>Step #{fid} of patch {patch_no} corrected: now {state}.</source>
        <translation>图斑 {patch_no} 的第 #{fid} 条已更正，现为“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="89" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="90" />
        <source>Set the field-check date to today</source>
        <translation>将核查日期设为今天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="97" />
        <source>Names of the inspectors, separated by commas</source>
        <translation>核查人员姓名，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="99" />
        <source>What the field check found</source>
        <translation>实地核查情况</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="112" />
        <source>Evidence: documents, measurements, statements</source>
        <translation>证据材料：文书、测量、询问笔录等</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="115" />
        <source>Needed to file a case</source>
        <translation>立案时必填</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="121" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="122" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="123" />
        <source>Remove photos not saved yet; saved photos stay in the record</source>
        <translation>移除尚未保存的照片；已保存的照片保留在记录中</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="133" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="134" />
        <source>Save the form without a workflow step</source>
        <translation>只保存核查表，不进行流程操作</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="135" />
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="144" />
        <source>Field-check date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="86" />
        <source>Inspectors</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="87" />
        <source>Finding</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="91" />
        <source>Determination</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="92" />
        <source>Violation type</source>
        <translation>违法类型</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="88" />
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="89" />
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="151" />
        <source>Notice number</source>
        <translation>整改通知书文号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="152" />
        <source>Photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="196" />
        <source>Fixed once the patch is determined: correct the determination step to change it.</source>
        <translation>图斑判定后不可直接修改：如需更改，请更正判定环节。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="298" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="298" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="300" />
        <source>Photos of the field check</source>
        <translation>实地核查照片</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="341" />
        <source>Unsaved changes.</source>
        <translation>有未保存的修改。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="371" />
        <source>Field verification of patch {patch_no}</source>
        <translation>图斑 {patch_no} 实地核查</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="429" />
        <source>Why this step is taken (required)</source>
        <translation>本步操作的理由（必填）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="516" />
        <source>Rectification and penalty are completed</source>
        <translation>整改和处罚均已完成</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="487" />
        <source>Correct the last step of patch {patch_no}</source>
        <translation>更正图斑 {patch_no} 的最后一步</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="491" />
        <source>Step {fid}: {from_state} → {to_state}, by {user} at {time}. Reason: {reason}</source>
        <translation>第 {fid} 条：{from_state} → {to_state}，操作人 {user}，时间 {time}。理由：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="503" />
        <source>The step stays in the history; the correction is recorded as a new step.</source>
        <translation>原记录保留在流程记录中；更正作为一条新记录写入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="511" />
        <source>{state} (undo the step)</source>
        <translation>{state}（撤销此步）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="514" />
        <source>Why the step is corrected (required)</source>
        <translation>更正理由（必填）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="521" />
        <source>Go to state</source>
        <translation>更正为状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="91" />
        <source>Licence no</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="92" />
        <source>Mine</source>
        <translation>矿山名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="93" />
        <source>Holder</source>
        <translation>采矿权人</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="94" />
        <source>Mineral</source>
        <translation>开采矿种</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="95" />
        <source>Method</source>
        <translation>开采方式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="96" />
        <source>Status</source>
        <translation>生产状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="97" />
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="98" />
        <source>Credit status</source>
        <translation>信用状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="68" />
        <source>Monitoring zone</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_model.py" line="163" />
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="700" />
        <source>Expired {days} days ago</source>
        <translation>已过期 {days} 天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="702" />
        <source>Expires in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="131" />
        <source>Tianditu imagery</source>
        <translation>天地图影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="131" />
        <source>Tianditu labels</source>
        <translation>天地图注记</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="192" />
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="202" />
        <source>temporal properties</source>
        <translation>时间属性</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="206" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="208" />
        <source>TIFF tag</source>
        <translation>TIFF 标签</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="276" />
        <source>Before / after imagery</source>
        <translation>前后时相影像对比</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="530" />
        <source>Before</source>
        <translation>前时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="530" />
        <source>After</source>
        <translation>后时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="312" />
        <source>Follow the main map</source>
        <translation>跟随主地图</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="314" />
        <source>Swipe</source>
        <translation>卷帘</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="315" />
        <source>Add Tianditu basemap</source>
        <translation>添加天地图底图</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="316" />
        <source>Adds Tianditu (天地图) imagery as an XYZ layer with your key. The key is kept in the QGIS settings and is part of the layer's source while the project is open; it is left out of saved project files.</source>
        <translation>以 XYZ 图层方式添加天地图影像，使用您的密钥（key）。密钥保存在 QGIS 设置中，项目打开期间包含在图层数据源中；保存项目文件时不写入密钥。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="533" />
        <source>patch {date}</source>
        <translation>图斑日期 {date}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="533" />
        <source>patch date unknown</source>
        <translation>图斑日期未知</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="536" />
        <source>no imagery chosen</source>
        <translation>未选择影像</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="538" />
        <source>imagery {date} ({origin})</source>
        <translation>影像日期 {date}（取自{origin}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="540" />
        <source>imagery date unknown ({layer})</source>
        <translation>影像日期未知（{layer}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="545" />
        <source>The imagery is more than a month away from the patch's date.</source>
        <translation>影像日期与图斑日期相差超过一个月。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="704" />
        <source>Tianditu key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="704" />
        <source>Your Tianditu (天地图) key (apply for one at console.tianditu.gov.cn). It is kept in the QGIS settings:</source>
        <translation>请输入天地图密钥（key，可在 console.tianditu.gov.cn 申请）。密钥将保存在 QGIS 设置中：</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="715" />
        <source>A Tianditu key is 32 hexadecimal characters; {key} is not one.</source>
        <translation>天地图密钥为 32 位十六进制字符；{key} 不符合要求。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="720" />
        <source>The Tianditu layer could not be created.</source>
        <translation>无法创建天地图图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="725" />
        <source>Tianditu imagery added. Your key is in the layer's source while the project is open; it is replaced by a placeholder when the project is saved and restored from your settings when it is opened.</source>
        <translation>已添加天地图影像。项目打开期间，您的密钥包含在图层数据源中；保存项目时密钥替换为占位符，打开项目时再从您的设置中恢复。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/imagery_compare.py" line="764" />
        <source>Layer {layer} needs your Tianditu key; add the basemap again to enter it.</source>
        <translation>图层 {layer} 需要您的天地图密钥；请重新添加底图以输入密钥。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="62" />
        <source>Patch no.</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="65" />
        <source>Area (m²)</source>
        <translation>面积(m²)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="66" />
        <source>Area (mu)</source>
        <translation>面积(亩)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="71" />
        <source>Before imagery</source>
        <translation>前时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="72" />
        <source>After imagery</source>
        <translation>后时相</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="62" />
        <source>New patrol patch</source>
        <translation>新建巡查图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="118" />
        <source>Patch number</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="129" />
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="74" />
        <source>After-imagery date (seen on)</source>
        <translation>后时相日期（发现日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="84" />
        <source>Before-imagery date</source>
        <translation>前时相日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="86" />
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="111" />
        <source>Pre-judgment of patch {patch_no}</source>
        <translation>图斑 {patch_no} 预判结果</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="130" />
        <source>Inside licences</source>
        <translation>许可证范围内</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="131" />
        <source>Outside licences</source>
        <translation>许可证范围外</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="138" />
        <source>valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="142" />
        <source>Licences touched</source>
        <translation>涉及许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="147" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="146" />
        <source>Key monitoring zone</source>
        <translation>重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="147" />
        <source>Changed in earlier years</source>
        <translation>以往年度变化</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="148" />
        <source>Imagery dates</source>
        <translation>影像日期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="166" />
        <source>{m2} m² ({mu} mu)</source>
        <translation>{m2} m²（{mu} 亩）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="385" />
        <source>A patch needs at least three vertices; keep clicking, or press Esc to cancel.</source>
        <translation>图斑至少需要三个顶点；请继续单击，或按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="396" />
        <source>No supervision database is open; open one before drawing patches.</source>
        <translation>未打开监管数据库；请先打开数据库再绘制图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="425" />
        <source>The drawn patch was not stored.</source>
        <translation>所绘图斑未保存。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="437" />
        <source>The patch could not be stored: {reason}</source>
        <translation>无法保存图斑：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/draw_patch_tool.py" line="443" />
        <source>The drawn outline crossed itself; it was repaired (make_valid) before storing. {notes}</source>
        <translation>所绘边界自相交，入库前已修复（make_valid）。{notes}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="177" />
        <source>Mining rights</source>
        <translation>采矿权</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="224" />
        <source>Search licence no, mine or holder…</source>
        <translation>搜索许可证号、矿山名称或采矿权人…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="230" />
        <source>Zoom to the selected licences</source>
        <translation>缩放至所选许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="239" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="243" />
        <source>All methods</source>
        <translation>全部开采方式</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="499" />
        <source>All minerals</source>
        <translation>全部矿种</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="251" />
        <source>Any validity</source>
        <translation>不限有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="374" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="253" />
        <source>Expiring within</source>
        <translation>剩余有效期不足</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="254" />
        <source>Expired or expiring within</source>
        <translation>已过期或剩余有效期不足</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="258" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="260" />
        <source>In a monitoring zone</source>
        <translation>位于重点监测矿区</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="261" />
        <source>On the abnormal list</source>
        <translation>列入异常名录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="262" />
        <source>Credit status: abnormal list or serious dishonesty list</source>
        <translation>信用状态：异常名录或严重违法失信名单</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="348" />
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="348" />
        <source>Corner no</source>
        <translation>拐点号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="348" />
        <source>X (northing)</source>
        <translation>X（北坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="348" />
        <source>Y (easting)</source>
        <translation>Y（东坐标）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="357" />
        <source>Double-click a corner to centre the map on it</source>
        <translation>双击拐点可将地图中心移至该点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="375" />
        <source>Expires within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="536" />
        <source>No supervision database is open.</source>
        <translation>未打开监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="538" />
        <source>{shown} of {total} licences</source>
        <translation>共 {total} 个许可证，显示 {shown} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="633" />
        <source>This licence has no boundary to zoom to.</source>
        <translation>该许可证没有可缩放的范围边界。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="682" />
        <source>Select a licence to see its corners and linked records.</source>
        <translation>选择许可证以查看其拐点和关联记录。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="693" />
        <source>({count} selected)</source>
        <translation>（已选 {count} 个）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="695" />
        <source>Holder: {holder}</source>
        <translation>采矿权人：{holder}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="698" />
        <source>Validity: {validity}</source>
        <translation>有效期：{validity}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="704" />
        <source>Monitoring zone: {zones}</source>
        <translation>重点监测矿区：{zones}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="720" />
        <source>Inspections: {count}</source>
        <translation>巡查核查：{count} 次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="722" />
        <source>Patches: {count}</source>
        <translation>图斑：{count} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="723" />
        <source>Notices: {count}</source>
        <translation>整改通知书：{count} 份</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="745" />
        <source>Depth range: {top} m to {bottom} m</source>
        <translation>开采标高：{top} 米至 {bottom} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="765" />
        <source>Parcel {parcel}: {top} m to {bottom} m</source>
        <translation>地块 {parcel}：{top} 米至 {bottom} 米</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="771" />
        <source>(excluded)</source>
        <translation>（扣除地块）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="773" />
        <source>Depth range: not recorded</source>
        <translation>开采标高：未记录</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/rights_dock.py" line="794" />
        <source>{parcel} (ring {ring})</source>
        <translation>{parcel}（第 {ring} 圈）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="294" />
        <source>{path} is in EPSG:{epsg} ({other}) while the output is in EPSG:{first} ({datum}); files on different datums are not mixed in one layer. Import it separately.</source>
        <translation>{path} 的坐标系为 EPSG:{epsg}（{other}），而输出为 EPSG:{first}（{datum}）；不同基准的文件不混入同一图层。请单独导入该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="96" />
        <source>Pre-judge suspect patches</source>
        <translation>疑似违法图斑预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="99" />
        <source>For every patch, against the mining licences valid on its after-imagery date: the area inside and outside the licences, and the pre-judgment: suspected unlicensed mining (inside &lt; tolerance), out-of-bounds mining (outside &gt;= tolerance), mining on an expired licence (the part not covered by a licence valid on that date &gt;= tolerance) or within licence. Also the licences touched, the key monitoring zone holding the largest share, the years of earlier patches it overlaps and, when penalty cases are given, the penalties in the two years before (two or more: transfer to the judiciary). Areas are planar in the Gauss-Kruger zone; geographic data are projected to the zone of their centre. Every input patch is in the output; repaired, empty or undated patches are named in the log and in the prejudge_note field.</source>
        <translation>对每个图斑，以其后时相日期有效的采矿许可证为依据，计算许可证范围内和范围外的面积并给出预判结果：疑似无证开采（范围内面积 &lt; 容差）、疑似越界开采（范围外面积 &gt;= 容差）、疑似证照过期开采（未被该日期有效的许可证覆盖的部分 &gt;= 容差）或证内。同时给出涉及的许可证、所占面积最大的重点监测矿区、与之重叠的往年图斑的年度，以及在提供行政处罚案件时，此前两年内的行政处罚次数（两次及以上：移送司法机关）。面积按高斯-克吕格投影带内的平面面积计算；地理坐标数据投影至其中心所在的投影带。每个输入图斑都会输出；经修复、图形为空或缺少日期的图斑会在日志和 prejudge_note 字段中注明。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="113" />
        <source>Suspect patches</source>
        <translation>疑似违法图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="114" />
        <source>Mining licences (license_no, valid_from, valid_to)</source>
        <translation>采矿许可证（license_no、valid_from、valid_to）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="119" />
        <source>Key monitoring zones (name, level)</source>
        <translation>重点监测矿区（name、level）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="124" />
        <source>Earlier patches (year or date)</source>
        <translation>往年图斑（年度或日期）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="129" />
        <source>Administrative penalty cases (penalty_date, license_no and/or holder)</source>
        <translation>行政处罚案件（penalty_date、license_no 和/或 holder）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="137" />
        <source>After-imagery date field</source>
        <translation>后时相日期字段</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="27" />
        <source>Area tolerance (m²)</source>
        <translation>面积容差（m²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="155" />
        <source>Pre-judged patches</source>
        <translation>预判后的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="82" />
        <source>The licence layer lacks required fields: {fields}</source>
        <translation>许可证图层缺少必需字段：{fields}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="193" />
        <source>Reading patches and licences</source>
        <translation>正在读取图斑和许可证</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="141" />
        <source>fid {fid}</source>
        <translation>fid {fid}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="232" />
        <source>Pre-judging {count} patches</source>
        <translation>正在预判 {count} 个图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="256" />
        <source>Writing the pre-judged patches</source>
        <translation>正在写出预判后的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="263" />
        <source>Writing through QGIS instead: {error}</source>
        <translation>改为通过 QGIS 写出：{error}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="347" />
        <source>The patch layer has no coordinate reference system: set it and run again.</source>
        <translation>图斑图层没有坐标参考系：请设置后重新运行。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="352" />
        <source>The patch layer's CRS {crs} is not in metres: areas are in its units squared.</source>
        <translation>图斑图层的坐标系 {crs} 不以米为单位：面积单位为其坐标单位的平方。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="93" />
        <source>The patches are in {crs}, not CGCS2000: check the datum of the data.</source>
        <translation>图斑的坐标系为 {crs}，不是 CGCS2000：请检查数据的大地基准。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="96" />
        <source>Geographic coordinates projected to {crs} to measure areas.</source>
        <translation>地理坐标已投影至 {crs} 以量算面积。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="131" />
        <source>The monitoring zone layer lacks the field name (or zone_name).</source>
        <translation>重点监测矿区图层缺少 name（或 zone_name）字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="143" />
        <source>The earlier patches lack a year field (or a date field to take it from).</source>
        <translation>往年图斑缺少年度字段（或可从中取得年度的日期字段）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="151" />
        <source>The penalty cases need a penalty_date field and a license_no or holder field.</source>
        <translation>行政处罚案件需要 penalty_date 字段，以及 license_no 或 holder 字段。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="552" />
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="47" />
        <source>{label}: {count} patches</source>
        <translation>{label}：{count} 个图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="49" />
        <source>Move patches in the workflow</source>
        <translation>图斑流程流转</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="52" />
        <source>Moves the listed patches to a workflow state (issued → field-verified → determined → case filed → rectifying → closed), writing the given verification-form fields with the move. Each patch is checked: no determination without a field check, a case only for an illegal determination, no closing without completed rectification (a legal or 'other' determination can be closed directly). Patches that may move are moved; refused ones are listed with their reasons (or none moves, with 'all or nothing'). Each move is written to the patch's history with user, time and reason.</source>
        <translation>将所列图斑转入指定的流程状态（下发 → 已核查 → 已判定 → 已立案 → 整改中 → 已销号），并随此步写入给定的核查表字段。每个图斑都要经过检查：未经实地核查不得判定，只有判定为违法的才能立案，整改未完成不得销号（判定为合法或“其他”的可直接销号）。可流转的图斑予以流转；不能流转的逐一列出原因（选择“全部或全不”时则均不流转）。每次流转都记入图斑的流程记录，包括操作人、时间和理由。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="63" />
        <source>Patch numbers (comma-separated)</source>
        <translation>图斑编号（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="66" />
        <source>New state</source>
        <translation>目标状态</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="74" />
        <source>Rectification and penalty completed</source>
        <translation>整改和处罚已完成</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="79" />
        <source>All or nothing (move none when one is refused)</source>
        <translation>全部或全不（有一个未通过则均不流转）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="85" />
        <source>Field-check date (YYYY-MM-DD)</source>
        <translation>核查日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="90" />
        <source>Rectification notice number</source>
        <translation>整改通知书文号</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="98" />
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="107" />
        <source>Patches moved</source>
        <translation>已流转的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="108" />
        <source>Number of patches moved</source>
        <translation>已流转图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="109" />
        <source>Refused patches and reasons (JSON)</source>
        <translation>未通过的图斑及原因（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="110" />
        <source>Number of patches refused</source>
        <translation>未通过图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="115" />
        <source>No patch numbers were given.</source>
        <translation>未提供图斑编号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="139" />
        <source>{patch_no} refused: {reasons}</source>
        <translation>{patch_no} 未通过：{reasons}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="142" />
        <source>{done} of {total} patches moved to {state}.</source>
        <translation>{total} 个图斑中已有 {done} 个转入“{state}”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/transition_patches.py" line="149" />
        <source>No patch was moved; see the reasons above.</source>
        <translation>没有图斑被流转；原因见上文。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="48" />
        <source>Import patch batch</source>
        <translation>导入图斑批次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="51" />
        <source>Imports suspect patches (satellite enforcement batch, patrol, tip-off or assigned) from a shapefile, GeoPackage or GeoJSON into the supervision database, each in state 'issued' with its first workflow event. The text encoding of shapefiles is detected (.cpg, else UTF-8 / GBK), the usual field names (TBBH/JCBH/BH, XZQDM, QSX, HSX, JCMJ, TBLX/BZ and their Chinese names) are mapped, and the patches are reprojected to the database CRS. A file without a CRS is refused. Invalid geometries are repaired and reported; the import is refused as a whole when patch numbers are missing or already used.
MAPPING (optional) is a JSON field mapping, e.g. {"fields": {"patch_no": "WPBH"}, "area_unit": "mu"}; without it the mapping saved in the plugin settings is used.</source>
        <translation>从 shapefile、GeoPackage 或 GeoJSON 文件将疑似违法图斑（卫片执法批次、巡查、举报或上级交办）导入监管数据库，每个图斑的状态为“下发”，并写入第一条流程记录。自动识别 shapefile 的文本编码（依据 .cpg，否则为 UTF-8 / GBK），自动对应常用字段名（TBBH/JCBH/BH、XZQDM、QSX、HSX、JCMJ、TBLX/BZ 及其中文名称），并将图斑重投影至数据库坐标系。没有坐标系的文件予以拒收。无效图形会被修复并报告；图斑编号缺失或已被使用时，整批拒绝导入。
MAPPING（可选）为 JSON 格式的字段对应关系，例如 {"fields": {"patch_no": "WPBH"}, "area_unit": "mu"}；未提供时使用插件设置中保存的对应关系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="63" />
        <source>Patch batch</source>
        <translation>图斑批次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="63" />
        <source>Vector files (*.shp *.gpkg *.geojson *.json)</source>
        <translation>矢量文件 (*.shp *.gpkg *.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="71" />
        <source>Layer inside the file (GeoPackage)</source>
        <translation>文件中的图层（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="75" />
        <source>Patch source</source>
        <translation>图斑来源</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="83" />
        <source>Year (default: the file's year field, else the after-imagery year)</source>
        <translation>年度（默认：取文件中的年度字段，否则取后时相年份）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="93" />
        <source>Batch name</source>
        <translation>批次名称</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="94" />
        <source>Field mapping (JSON)</source>
        <translation>字段对应关系（JSON）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="95" />
        <source>Unit of the declared area (default: as in the field mapping)</source>
        <translation>属性面积单位（默认：按字段对应关系）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="103" />
        <source>Imported patches</source>
        <translation>已导入的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="106" />
        <source>Number of patches imported</source>
        <translation>已导入图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="120" />
        <source>The field mapping cannot be read: {reason}</source>
        <translation>无法读取字段对应关系：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="130" />
        <source>{file}: {count} patches, {crs}, {encoding}.</source>
        <translation>{file}：{count} 个图斑，{crs}，{encoding}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="135" />
        <source>Fields used: {mapping}</source>
        <translation>使用的字段：{mapping}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="144" />
        <source>Imported from {file}</source>
        <translation>导入自 {file}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_patches.py" line="174" />
        <source>{count} patches imported into {database}.</source>
        <translation>已向 {database} 导入 {count} 个图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinate_writers.py" line="331" />
        <source>Licence {license_no}: excluded parcel {parcel_no} has holes, which the registration format cannot express.</source>
        <translation>许可证 {license_no}：扣除地块 {parcel_no} 含有内圈，采矿权登记格式无法表达。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="80" />
        <source>the file states coordinate system '{name}'; EPSG:{epsg} was given and is used</source>
        <translation>文件声明的坐标系为“{name}”；已指定 EPSG:{epsg}，采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="228" />
        <source>ring {ring} does not close: corner {number} repeats the first corner's number but not its coordinates (X={x:.2f}, Y={y:.2f} against X={x0:.2f}, Y={y0:.2f})</source>
        <translation>第 {ring} 圈未闭合：拐点 {number} 与首个拐点编号相同但坐标不同（X={x:.2f}，Y={y:.2f}；首个拐点 X={x0:.2f}，Y={y0:.2f}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="184" />
        <source>Licence {license_no} uses a parcel number twice ({numbers}).</source>
        <translation>许可证 {license_no} 中有重复的地块编号（{numbers}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="116" />
        <source>Patch {patch_no}: {prejudgment}; inside licences {inside} m², outside {outside} m².</source>
        <translation>图斑 {patch_no}：{prejudgment}；许可证范围内 {inside} m²，范围外 {outside} m²。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="123" />
        <source>Licences: {licences}.</source>
        <translation>涉及许可证：{licences}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="125" />
        <source>Monitoring zone: {zone} ({level}).</source>
        <translation>重点监测矿区：{zone}（{level}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="127" />
        <source>Also changed in: {years}.</source>
        <translation>以往变化年度：{years}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="171" />
        <source>{path} cannot be opened.</source>
        <translation>无法打开 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="177" />
        <source>The database has no table {table}.</source>
        <translation>数据库中没有 {table} 表。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="217" />
        <source>Patch {patch_no}</source>
        <translation>图斑 {patch_no}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="217" />
        <source>The drawn patch</source>
        <translation>所绘图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="219" />
        <source>{where}: the geometry is empty.</source>
        <translation>{where}：图形为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="223" />
        <source>{where}: the geometry has no area.</source>
        <translation>{where}：图形面积为零。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="401" />
        <source>The after-imagery date cannot be read.</source>
        <translation>无法读取后时相日期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/single_patch.py" line="423" />
        <source>Drawn on patrol</source>
        <translation>巡查中绘制</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/crs.py" line="182" />
        <source>Longitude {lon} lies outside the CGCS2000 Gauss-Kruger zones 25-45 of China.</source>
        <translation>经度 {lon} 超出我国 CGCS2000 高斯-克吕格投影带（第 25–45 带）范围。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="71" />
        <source>{names} and {more} more</source>
        <translation>{names}，另有 {more} 个</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/core.py" line="71" />
        <source>The tolerance must not be negative.</source>
        <translation>容差不能为负数。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>Invalid geometry repaired (make_valid) for patches: {names}</source>
        <translation>已修复以下图斑的无效图形（make_valid）：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>geometry repaired</source>
        <translation>图形已修复</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>Empty geometry, not pre-judged, for patches: {names}</source>
        <translation>以下图斑图形为空，未预判：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>empty geometry: not pre-judged</source>
        <translation>图形为空：未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>Geometry without any area, not pre-judged, for patches: {names}</source>
        <translation>以下图斑图形面积为零，未预判：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="130" />
        <source>geometry has no area: not pre-judged</source>
        <translation>图形面积为零：未预判</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="153" />
        <source>Unreadable {field} for patches: {names}</source>
        <translation>以下图斑的 {field} 无法读取：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="160" />
        <source>The patches have no {field} field: licence validity was not checked.</source>
        <translation>图斑没有 {field} 字段：未检查许可证有效期。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="164" />
        <source>No {field} for patches {names}: licence validity not checked (they cannot be 'expired_licence').</source>
        <translation>图斑 {names} 缺少 {field}：未检查许可证有效期（不会预判为“expired_licence”）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="170" />
        <source>no imagery date: licence validity not checked</source>
        <translation>无影像日期：未检查许可证有效期</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="202" />
        <source>(row {row})</source>
        <translation>（第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="204" />
        <source>{count} licence polygons have no license_no.</source>
        <translation>{count} 个许可证多边形缺少 license_no。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="209" />
        <source>Unreadable validity dates, taken as open, for licences: {names}</source>
        <translation>以下许可证的有效期日期无法读取，按不限期处理：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="217" />
        <source>Licences with an empty valid_from or valid_to, taken as open on that side: {names}</source>
        <translation>以下许可证的 valid_from 或 valid_to 为空，该端按不限期处理：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="228" />
        <source>Invalid licence geometry repaired (make_valid): {names}</source>
        <translation>已修复以下许可证的无效图形（make_valid）：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/inputs.py" line="234" />
        <source>Licences without usable geometry, ignored: {names}</source>
        <translation>以下许可证没有可用的图形，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="103" />
        <source>Unknown zone levels kept as written: {names}</source>
        <translation>以下重点监测矿区级别无法识别，按原值保留：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="106" />
        <source>Monitoring zones without usable geometry, ignored: {names}</source>
        <translation>以下重点监测矿区没有可用的图形，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="127" />
        <source>{count} earlier patches have no year and were not used.</source>
        <translation>{count} 个往年图斑没有年度，未使用。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/rules.py" line="167" />
        <source>{count} penalty cases have no readable penalty date and were not counted.</source>
        <translation>{count} 个行政处罚案件没有可读取的处罚日期，未计入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/crs.py" line="225" />
        <source>Geographic data need their extent to choose a Gauss-Kruger zone.</source>
        <translation>地理坐标数据需要其范围才能选择高斯-克吕格投影带。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="85" />
        <source>The patches have no CRS: taken to be that of the licences.</source>
        <translation>图斑没有坐标系：按许可证的坐标系处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge/frames.py" line="103" />
        <source>{layer} has no CRS: taken to be that of the patches.</source>
        <translation>{layer} 没有坐标系：按图斑的坐标系处理。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="168" />
        <source>Pre-judge all patches of the database</source>
        <translation>预判数据库中的全部图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="16" />
        <source>Pre-judging the patches of the supervision database</source>
        <translation>正在预判监管数据库中的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="37" />
        <source>Pre-judgment failed: {reason}</source>
        <translation>预判失败：{reason}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="39" />
        <source>Pre-judgment cancelled; nothing was stored.</source>
        <translation>预判已取消，未保存任何结果。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="44" />
        <source>{count} patches pre-judged: {counts}.</source>
        <translation>已预判 {count} 个图斑：{counts}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/tasks.py" line="55" />
        <source>Open a supervision database first.</source>
        <translation>请先打开监管数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="15" />
        <source>Pre-judge the patches of a database</source>
        <translation>预判监管数据库中的图斑</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="18" />
        <source>Pre-judges every patch stored in a supervision database against its licences (validity on the patch's after-imagery date), the key monitoring zone list in force in the patch's year and the earlier years' patches, and stores the answers in the patches table in one transaction. To pre-judge layers without a database, use 'Pre-judge suspect patches'.</source>
        <translation>对监管数据库中的每个图斑，对照采矿许可证（按图斑后时相日期核对有效期）、图斑所在年度有效的重点监测矿区名录以及往年图斑进行预判，并在一个事务中将结果写入图斑表。不使用数据库、直接预判图层时，请用“疑似违法图斑预判”。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_database.py" line="32" />
        <source>Patches pre-judged</source>
        <translation>已预判图斑数</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="67" />
        <source>{path} cannot be read.</source>
        <translation>无法读取 {path}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="70" />
        <source>{path} has no layer {layer}.</source>
        <translation>{path} 中没有图层 {layer}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="81" />
        <source>{path} has no coordinate reference system.</source>
        <translation>{path} 没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="97" />
        <source>{path}, row {row}: {field} value {value} cannot be read ({reason}).</source>
        <translation>{path} 第 {row} 行：{field} 的值 {value} 无法识别（{reason}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="105" />
        <source>{path}, row {row}: {value} is not a known value of {field}.</source>
        <translation>{path} 第 {row} 行：{value} 不是 {field} 的有效取值。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/features.py" line="112" />
        <source>{path}, row {row}: the required field {field} is empty.</source>
        <translation>{path} 第 {row} 行：必填字段 {field} 为空。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="164" />
        <source>No patch with a geometry was found to pre-judge.</source>
        <translation>没有找到带几何图形的图斑可供预判。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="158" />
        <source>Import licence coordinates…</source>
        <translation>导入采矿权拐点坐标…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="161" />
        <source>Import patch batch…</source>
        <translation>导入图斑批次…</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="210" />
        <source>Remarks: {remarks}</source>
        <translation>备注：{remarks}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/patches_model.py" line="215" />
        <source>Inside licences not valid on the imagery date: {area} m²</source>
        <translation>证内但许可证在后时相日期不在有效期内：{area} m²</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="103" />
        <source>Photo {photo} of patch {patch_no} has no GPS position: it is not placed on the map.</source>
        <translation>图斑{patch_no}的照片{photo}没有GPS位置，未能在地图上标出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="109" />
        <source>Photo {photo} was taken {distance} m from patch {patch_no}.</source>
        <translation>照片{photo}的拍摄位置距图斑{patch_no} {distance} 米。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/photos.py" line="115" />
        <source>Photo {photo} was taken on {taken}, before the after-imagery date {date} of patch {patch_no}.</source>
        <translation>照片{photo}拍摄于{taken}，早于图斑{patch_no}的后时相日期{date}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/plugin.py" line="271" />
        <source>This needs QGIS's Processing plugin: enable it in Plugins › Manage and Install Plugins.</source>
        <translation>此功能需要 QGIS 的“处理”（Processing）插件：请在“插件 › 管理并安装插件”中启用它。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/gui/verification_dialog.py" line="451" />
        <source>A patch with a case is closed only when rectification and penalty are completed.</source>
        <translation>已立案的图斑须整改和处罚均已完成方可销号。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="72" />
        <source>Reads licence boundaries from corner-coordinate files: land coordinate exchange txt, mining-right registration txt, CSV or XLSX corner tables. INPUT is one file or a folder (type or paste the folder path; the .txt, .csv and .xlsx files in it and its subfolders are read).

The coordinate reference system is detected from the file (zone prefix, 带号 header); give CRS only when the file does not say it. Every file goes through the ministry's coordinate checks. A single file that fails them makes the algorithm fail with the checks' messages. In a folder, refused files are reported one by one and the good files are imported; the algorithm fails only when no file could be imported.

OUTPUT has one polygon per parcel, in the CRS of the first CGCS2000 file (else of the first file); files of the same datum in another zone are reprojected to it, files on another datum (Xi'an 1980, Beijing 1954 next to CGCS2000) are refused, since no exact transformation exists without local parameters.

A licence found in two files of one import is imported once when the copies are identical; when they differ it is not imported and both files are named.

With a supervision DATABASE, the licences are also stored there in one transaction (created, or updated with the previous boundary kept in history). A refused import leaves the database and the output as they were.</source>
        <translation>从拐点坐标文件读取采矿权范围：土地坐标交换格式 txt、采矿权登记 txt、CSV 或 XLSX 拐点表。INPUT 为一个文件或一个文件夹（输入或粘贴文件夹路径；读取其中及子文件夹中的 .txt、.csv 和 .xlsx 文件）。

坐标参照系从文件中识别（带号前缀、“带号”表头）；仅当文件未写明时才需指定 CRS。每个文件都经过部里的坐标检查。单个文件未通过检查时，算法失败并给出检查信息。文件夹中被拒绝的文件逐一报告，合格文件照常导入；只有没有任何文件能导入时算法才失败。

OUTPUT 每个地块一个面，坐标系为第一个 CGCS2000 文件的坐标系（否则为第一个文件的）；同一基准其他带的文件重投影到该坐标系，其他基准的文件（与 CGCS2000 并存的西安 1980、北京 1954）被拒绝，因为没有本地参数就没有精确的转换。

同一次导入中两个文件含同一采矿权：两份相同则只导入一次；不同则不导入，并列出两个文件。

指定监管数据库 DATABASE 时，采矿权也在一个事务中存入数据库（新建，或更新并把原范围保存在历史中）。被拒绝的导入不改变数据库和输出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/import_coordinates.py" line="339" />
        <source>Licence {license_no}, parcel {parcel_no} could not be written to the output.</source>
        <translation>采矿权 {license_no} 的地块 {parcel_no} 无法写入输出。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="303" />
        <source>The output {output} is the input {parameter} ({layer}): writing it would destroy that input. Choose another output file.</source>
        <translation>输出 {output} 就是输入 {parameter}（{layer}）：写入会毁掉该输入。请另选输出文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="324" />
        <source>Its coordinates look like longitudes and latitudes (e.g. EPSG:4490, CGCS2000); check the datum before assigning it.</source>
        <translation>其坐标看起来是经纬度（如 EPSG:4490，CGCS2000）；指定前请核实基准。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="329" />
        <source>Its coordinates are projected (x {x:.0f}, y {y:.0f}): assign its Gauss-Kruger CRS.</source>
        <translation>其坐标为投影坐标（x {x:.0f}，y {y:.0f}）：请指定其高斯-克吕格坐标系。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/prejudge_patches.py" line="332" />
        <source>The layer {layer} ({parameter}) has no coordinate reference system (a shapefile without .prj?): set its CRS and run again.{hint}</source>
        <translation>图层 {layer}（{parameter}）没有坐标参照系（缺少 .prj 的 shapefile？）：请设置其坐标系后重新运行。{hint}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/provider.py" line="47" />
        <source>{name} (unavailable: Python packages missing)</source>
        <translation>{name}（不可用：缺少 Python 包）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/processing/provider.py" line="50" />
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="402" />
        <source>{file} has no features (layer {layer} is empty): there are no patches to import.</source>
        <translation>{file} 没有要素（图层 {layer} 为空）：没有可导入的图斑。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="413" />
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="413" />
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="414" />
        <source>{file} (layer {layer}) holds {kind}, not polygons: patches are polygons. Choose the file or layer with the patch outlines.</source>
        <translation>{file}（图层 {layer}）中是{kind}，不是面：图斑是面。请选择含图斑范围的文件或图层。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="635" />
        <source>{file} is damaged: it is cut short ({size} bytes of the {expected} its header announces), probably an interrupted copy or download. Ask for the file again.</source>
        <translation>{file} 已损坏：文件被截断（文件头声明 {expected} 字节，实际 {size} 字节），可能是复制或下载中断。请重新索取该文件。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="691" />
        <source>GDAL gave no reason</source>
        <translation>GDAL 未给出原因</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="692" />
        <source>{file} cannot be read to its end: the file is damaged or incomplete ({reason}). Ask for it again.</source>
        <translation>{file} 无法读完：文件已损坏或不完整（{reason}）。请重新索取。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="60" />
        <source>the file states EPSG:{stated} but EPSG:{epsg} was given; the given CRS is used</source>
        <translation>文件写明 EPSG:{stated}，但指定了 EPSG:{epsg}；采用指定的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="204" />
        <source>EPSG:{epsg} is not a known coordinate reference system</source>
        <translation>EPSG:{epsg} 不是已知的坐标参照系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="210" />
        <source> (the eastings carry zone {zone}: in CGCS2000 that is EPSG:{suggested})</source>
        <translation>（横坐标带有带号 {zone}：在 CGCS2000 中为 EPSG:{suggested}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="214" />
        <source>EPSG:{epsg} ({name}) is a geographic CRS in degrees, but the file's coordinates are Gauss–Krüger metres: they cannot belong to it. Leave the CRS empty to detect it from the file, or choose the projected Gauss–Krüger CRS{hint}</source>
        <translation>EPSG:{epsg}（{name}）是以度为单位的地理坐标系，而文件中的坐标是以米为单位的高斯-克吕格坐标：二者不符。请留空 CRS 由文件识别，或选择高斯-克吕格投影坐标系{hint}</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="225" />
        <source>EPSG:{epsg} ({name}) measures in {unit}, but the file's coordinates are metres</source>
        <translation>EPSG:{epsg}（{name}）的单位是{unit}，而文件中的坐标以米为单位</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="256" />
        <source>longitude {lon:.3f}°, latitude {lat:.3f}°</source>
        <translation>经度 {lon:.3f}°，纬度 {lat:.3f}°</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="256" />
        <source>no place on Earth</source>
        <translation>地球上不存在的位置</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/crs_detection.py" line="261" />
        <source>X={x:.2f}, Y={y:.2f} read in EPSG:{epsg} ({name}) falls at {where}, outside China or outside the area where that CRS is used ({area}): the coordinates do not belong to it. Leave the CRS empty to detect it from the file, or choose the right one</source>
        <translation>按 EPSG:{epsg}（{name}）读取的 X={x:.2f}，Y={y:.2f} 位于{where}，在中国境外或该坐标系的适用范围（{area}）之外：坐标不属于该坐标系。请留空 CRS 由文件识别，或选择正确的坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="65" />
        <source>the file starts with a UTF-8 byte-order mark (BOM) but its text is GBK: it was read as GBK. Check the names, and save the file again as UTF-8 or as GBK without the mark</source>
        <translation>文件以 UTF-8 字节序标记（BOM）开头，但正文是 GBK：已按 GBK 读取。请核对名称，并将文件另存为 UTF-8 或不带标记的 GBK</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="74" />
        <source>the file starts with a UTF-8 byte-order mark (BOM), but this line is not UTF-8 (bytes {bytes}) while other lines are: the file mixes encodings. Open it in a text editor, correct the line and save the file as UTF-8</source>
        <translation>文件以 UTF-8 字节序标记（BOM）开头，但此行不是 UTF-8（字节 {bytes}），而其他行是：文件混用了编码。请用文本编辑器打开，改正此行并保存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/text.py" line="88" />
        <source>the file is neither UTF-8 nor GBK/GB18030 text: line {utf8_line} is not UTF-8 (bytes {utf8_bytes}) and line {gbk_line} is not GBK (bytes {gbk_bytes}). Is it a coordinate text file? Save it as UTF-8 or GBK text</source>
        <translation>文件既不是 UTF-8 也不是 GBK/GB18030 文本：第 {utf8_line} 行不是 UTF-8（字节 {utf8_bytes}），第 {gbk_line} 行不是 GBK（字节 {gbk_bytes}）。这是坐标文本文件吗？请保存为 UTF-8 或 GBK 文本</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="88" />
        <source>decimal comma in '{text}': coordinates must be written with a decimal point ({fixed})</source>
        <translation>“{text}”中使用了小数逗号：坐标须用小数点书写（{fixed}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="198" />
        <source>'{text}' is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="203" />
        <source>'{text}' has a decimal comma: write a decimal point ({fixed})</source>
        <translation>“{text}”使用了小数逗号：请写小数点（{fixed}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="209" />
        <source>unknown area unit '{unit}' in '{text}' (known: 平方米/m², 公顷/ha, 亩, 平方公里/km²)</source>
        <translation>“{text}”中的面积单位“{unit}”无法识别（可识别：平方米/m²、公顷/ha、亩、平方公里/km²）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="216" />
        <source>'{text}' is not a finite number</source>
        <translation>“{text}”不是有限数值</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="218" />
        <source>'{text}' is not a positive area</source>
        <translation>“{text}”不是正的面积</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="221" />
        <source>'{area}' is larger than all of China (9.6 million km²)</source>
        <translation>“{area}”比整个中国（960 万平方公里）还大</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="173" />
        <source>boundary</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="173" />
        <source>coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="179" />
        <source>licence {licence} is also in {first}, identical: imported once, from {first}</source>
        <translation>采矿权 {licence} 在 {first} 中也有，内容相同：只从 {first} 导入一次</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/reader.py" line="192" />
        <source>licence {licence} is given {count} times in this import ({files}) and the copies differ ({differences}): it is not imported. Keep only the right file and import again</source>
        <translation>采矿权 {licence} 在本次导入中出现 {count} 次（{files}），且内容不同（{differences}）：未导入。请只保留正确的文件后重新导入</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/land_exchange.py" line="139" />
        <source>parcel area (地块面积) is invalid: {reason}; it is left empty and not checked</source>
        <translation>地块面积无效：{reason}；留空，不作核对</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/coordinates/fields.py" line="269" />
        <source>licensed area (矿区面积) of licence {licence} is invalid: {reason}; it is left empty</source>
        <translation>采矿权 {licence} 的矿区面积无效：{reason}；留空</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="167" />
        <source>the corners are longitudes and latitudes in degrees (first: X={x}, Y={y}), not Gauss–Krüger coordinates in metres: licence corners must be given as CGCS2000 Gauss–Krüger X (northing) and Y (easting) in metres, as on the licence. Convert them first (in QGIS: reproject to EPSG:{epsg}, CGCS2000 3-degree zone {zone} with zone prefix, where these corners lie); a file in degrees is not read</source>
        <translation>拐点是以度为单位的经纬度（第一个：X={x}，Y={y}），不是以米为单位的高斯-克吕格坐标：采矿权拐点须按许可证给出 CGCS2000 高斯-克吕格 X（纵坐标）和 Y（横坐标），单位为米。请先转换（在 QGIS 中重投影到 EPSG:{epsg}，即这些拐点所在的 CGCS2000 3 度带第 {zone} 带，带号前缀）；以度为单位的文件不予读取</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/domain/licence_checks.py" line="378" />
        <source>declared area {declared} {unit} ({declared_m2} m²) differs from the computed area: planar {planar} m², ellipsoidal {ellipsoidal} m²; difference {difference} m² ({relative})</source>
        <translation>申报面积 {declared} {unit}（{declared_m2} 平方米）与计算面积不符：平面 {planar} 平方米，椭球 {ellipsoidal} 平方米；相差 {difference} 平方米（{relative}）</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/rights.py" line="272" />
        <source>Licence {license_no}: licensed area {value} km² is not a valid area; it is stored empty.</source>
        <translation>采矿权 {license_no}：矿区面积 {value} 平方公里不是有效面积；存为空值。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="252" />
        <source>{path} was left in the middle of a change by a program that stopped (crash, power cut, killed): that unfinished change was rolled back from its journal; the data are as they were before it.</source>
        <translation>{path} 在修改中途被中断的程序留下（崩溃、断电、被终止）：未完成的修改已按日志回滚，数据恢复到修改之前。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="323" />
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="387" />
        <source>{path} is locked by another program (another QGIS, a copy or synchronisation tool...); nothing was written. Close it there and try again.</source>
        <translation>{path} 被其他程序锁定（另一个 QGIS、复制或同步工具……）；未写入任何内容。请在那里关闭后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="392" />
        <source>{path}: the disk is full (SQLite: {reason}); nothing was written. Free some space on the disk of {folder} and try again.</source>
        <translation>{path}：磁盘已满（SQLite：{reason}）；未写入任何内容。请清理 {folder} 所在磁盘的空间后重试。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="397" />
        <source>{path} cannot be written (read-only: {reason}); nothing was written.</source>
        <translation>{path} 无法写入（只读：{reason}）；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="401" />
        <source>{path} is damaged ({reason}); nothing was written. Restore it from a backup, or repair a copy of it.</source>
        <translation>{path} 已损坏（{reason}）；未写入任何内容。请从备份恢复，或修复其副本。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="405" />
        <source>{path} could not be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="407" />
        <source>{path} could not be written: {reason}. Nothing was written.</source>
        <translation>无法写入 {path}：{reason}。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/store/database.py" line="423" />
        <source>{path} is damaged: the table(s) {tables} of the supervision database are missing (deleted by another program?). Nothing was written. Restore the database from a backup.</source>
        <translation>{path} 已损坏：监管数据库缺少表 {tables}（被其他程序删除？）。未写入任何内容。请从备份恢复数据库。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="51" />
        <source>Missing Python packages: {names}.</source>
        <translation>缺少 Python 包：{names}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="65" />
        <source>In the OSGeo4W Shell of this QGIS run: python -m pip install --no-deps {pins} (shapely 2 and pyproj must be the ones OSGeo4W ships) — then restart QGIS.</source>
        <translation>在本 QGIS 的 OSGeo4W Shell 中运行：python -m pip install --no-deps {pins}（shapely 2 和 pyproj 须用 OSGeo4W 自带的）——然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="69" />
        <source>In a terminal run: sh "{script}" (it builds shapely against the system's GEOS, as QGIS needs) — then restart QGIS.</source>
        <translation>在终端中运行：sh "{script}"（它按 QGIS 的需要，用系统的 GEOS 编译 shapely）——然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="119" />
        <source>shapely cannot be imported.</source>
        <translation>无法导入 shapely。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="122" />
        <source>shapely {version} is installed; the plugin needs shapely 2.</source>
        <translation>已安装的是 shapely {version}；插件需要 shapely 2。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="127" />
        <source>shapely cannot be imported ({error}).</source>
        <translation>无法导入 shapely（{error}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="130" />
        <source>shapely {version} was built for GEOS {built_for}, but QGIS runs GEOS {qgis_geos} (a shapely from PyPI brings its own GEOS, which clashes with QGIS's).</source>
        <translation>shapely {version} 是为 GEOS {built_for} 编译的，而 QGIS 使用 GEOS {qgis_geos}（PyPI 上的 shapely 自带 GEOS，与 QGIS 的冲突）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="137" />
        <source>shapely fails with QGIS's GEOS ({error}).</source>
        <translation>shapely 与 QGIS 的 GEOS 一起运行出错（{error}）。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="118" />
        <source>Not pre-judged: the patch has no geometry. Draw or import its outline, then pre-judge again.</source>
        <translation>未预判：图斑没有图形。请绘制或导入其范围后重新预判。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/analysis/prejudge_store.py" line="122" />
        <source>{count} patches have no geometry and were not pre-judged: {numbers}.</source>
        <translation>{count} 个图斑没有图形，未预判：{numbers}。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="462" />
        <source>{file} declares the projected CRS {crs} (metres), but its coordinates are longitudes and latitudes in degrees (x {min_x:.4f}…{max_x:.4f}, y {min_y:.4f}…{max_y:.4f}). Its CRS declaration is wrong: assign the geographic CRS (CGCS2000: EPSG:4490) and import again.</source>
        <translation>{file} 声明的是投影坐标系 {crs}（米），但其坐标是以度为单位的经纬度（x {min_x:.4f}…{max_x:.4f}，y {min_y:.4f}…{max_y:.4f}）。坐标系声明有误：请指定地理坐标系（CGCS2000：EPSG:4490）后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/formats/patch_batches.py" line="505" />
        <source>The coordinates of {file} (x {x:.0f}, y {y:.0f}) cannot be placed on the Earth in its CRS {crs}: its CRS declaration is wrong. Assign the right CRS and import again.</source>
        <translation>{file} 的坐标（x {x:.0f}，y {y:.0f}）按其坐标系 {crs} 无法落在地球上：坐标系声明有误。请指定正确的坐标系后重新导入。</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="54" />
        <source>imports, pre-judgment and drawing</source>
        <translation>导入、预判和绘制</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="54" />
        <source>PDF documents</source>
        <translation>PDF 文书</translation>
    </message>
    <message>
        <location filename="../mine_supervision_plugin/deps.py" line="56" />
        <source>Disabled until then: {features}.</source>
        <translation>在此之前停用：{features}。</translation>
    </message>
</context>
</TS>
