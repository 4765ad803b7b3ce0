"""Patrol routes from GPX 1.1 / 1.0 and drone flight logs (formats.gpx): real small files written here."""

from __future__ import annotations

import datetime as dt

import pytest

from mine_supervision_plugin.formats.gpx import (
    ROUTE_FLIGHT_LOG,
    ROUTE_GPX_ROUTE,
    ROUTE_GPX_TRACK,
    PatrolFileError,
    parse_time,
    read_flight_log,
    read_gpx,
    read_patrol_files,
)

GPX11 = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="实地核查APP" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><time>2026-03-05T00:30:00Z</time></metadata>
  <wpt lat="36.1" lon="114.0"><name>停车点</name></wpt>
  <trk>
    <name>XJ-202603-0001</name>
    <desc>许可证号：C1404042010127130000001；巡查人员：张伟、李强；发现：未发现越界开采</desc>
    <trkseg>
      <trkpt lat="36.100" lon="114.000"><ele>912.5</ele><time>2026-03-05T01:00:00Z</time></trkpt>
      <trkpt lat="36.101" lon="114.001"><ele>915.0</ele><time>2026-03-05T01:20:00Z</time></trkpt>
    </trkseg>
    <trkseg>
      <trkpt lat="36.102" lon="114.002"><ele>920.0</ele><time>2026-03-05T02:10:00Z</time></trkpt>
    </trkseg>
  </trk>
  <rte>
    <rtept lat="36.200" lon="114.100"><time>2026-03-06T09:00:00+08:00</time></rtept>
    <rtept lat="36.201" lon="114.101"><time>2026-03-06T09:40:00+08:00</time></rtept>
  </rte>
</gpx>
"""

GPX10 = """<?xml version="1.0"?>
<gpx version="1.0" creator="old handheld" xmlns="http://www.topografix.com/GPX/1/0">
  <time>2026-04-01T08:00:00</time>
  <trk><name>老式手持机</name><trkseg>
    <trkpt lat="36.3" lon="114.3"><ele>800</ele><time>2026-04-01T08:05:00</time></trkpt>
    <trkpt lat="36.31" lon="114.31"><ele>801</ele></trkpt>
  </trkseg></trk>
</gpx>
"""


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


def test_gpx_1_1_tracks_and_routes_with_times_and_elevations(tmp_path):
    routes = read_gpx(write(tmp_path / "march.gpx", GPX11))
    assert [(r.name, r.source, len(r.points)) for r in routes] == [
        ("XJ-202603-0001", ROUTE_GPX_TRACK, 3),  # its two segments joined
        ("march-rte1", ROUTE_GPX_ROUTE, 2),  # an unnamed route is named after its file
    ]
    track = routes[0]
    # UTC (Z) becomes Beijing time; the date is the local one
    assert (track.started_at, track.ended_at, track.date) == (
        dt.datetime(2026, 3, 5, 9, 0), dt.datetime(2026, 3, 5, 10, 10), dt.date(2026, 3, 5)
    )
    assert [p.elevation for p in track.points] == [912.5, 915.0, 920.0]
    assert (track.points[0].longitude, track.points[0].latitude) == (114.0, 36.1)
    assert "C1404042010127130000001" in track.text() and "march.gpx" in track.text()
    assert routes[1].started_at == dt.datetime(2026, 3, 6, 9, 0)  # +08:00 kept as local


def test_gpx_1_0_and_points_without_time_are_counted(tmp_path):
    found = read_patrol_files(write(tmp_path / "old.gpx", GPX10))
    assert found.refused == [] and found.files_read == 1
    (route,) = found.routes
    assert route.started_at == route.ended_at == dt.datetime(2026, 4, 1, 8, 5)  # a time without zone is local
    assert route.untimed_points == 1
    assert found.warnings == [f"{tmp_path / 'old.gpx'}: 1 of the 2 points of 老式手持机 have no time."]


def test_gpx_without_tracks_or_routes_is_refused_by_name(tmp_path):
    path = write(tmp_path / "waypoints.gpx", '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
                                             '<wpt lat="36" lon="114"/></gpx>')
    with pytest.raises(PatrolFileError, match="waypoints.gpx has no track or route"):
        read_gpx(path)


def test_broken_xml_names_the_file_and_line(tmp_path):
    path = write(tmp_path / "broken.gpx", GPX11.replace("</trkseg>\n    <trkseg>", "</trkseg>\n    <trkseg"))
    with pytest.raises(PatrolFileError, match=r"broken.gpx is not well-formed XML \(line 13"):
        read_gpx(path)


def test_xml_that_is_not_gpx_is_refused(tmp_path):
    with pytest.raises(PatrolFileError, match="not GPX"):
        read_gpx(write(tmp_path / "kml.gpx", "<kml><Document/></kml>"))


def test_a_track_without_any_time_refuses_the_file_unless_the_file_has_a_time(tmp_path):
    untimed = '<gpx version="1.1"><trk><name>无时间</name><trkseg><trkpt lat="36" lon="114"/><trkpt lat="36.1" lon="114.1"/></trkseg></trk></gpx>'
    with pytest.raises(PatrolFileError, match="untimed.gpx: the points of 无时间 carry no time"):
        read_gpx(write(tmp_path / "untimed.gpx", untimed))
    dated = untimed.replace("<trk>", "<metadata><time>2026-05-02T01:00:00Z</time></metadata><trk>")
    (route,) = read_gpx(write(tmp_path / "dated.gpx", dated))
    assert route.date == dt.date(2026, 5, 2)


def test_a_folder_reads_the_good_files_and_refuses_the_bad_ones_each_named(tmp_path):
    write(tmp_path / "a.gpx", GPX11)
    write(tmp_path / "b.gpx", "<gpx><trk>")
    write(tmp_path / "notes.txt", "ignored")
    found = read_patrol_files(tmp_path)
    assert found.files_read == 1 and len(found.routes) == 2
    assert len(found.refused) == 1 and "b.gpx is not well-formed XML" in found.refused[0]


def test_dji_airdata_flight_log(tmp_path):
    log = tmp_path / "DJI_0001.csv"
    log.write_text(
        "time(millisecond),datetime(utc),latitude,longitude,altitude_above_seaLevel(meters),speed(mph)\n"
        "0,2026-06-10 02:00:00,0,0,0,0\n"  # no GPS fix yet: skipped
        "100,2026-06-10 02:00:01,36.1001,114.0001,950.2,3\n"
        "200,2026-06-10 02:15:00,36.1020,114.0030,1001.0,10\n",
        encoding="utf-8",
    )
    (route,) = read_flight_log(log)
    assert route.source == ROUTE_FLIGHT_LOG and route.name == "DJI_0001" and len(route.points) == 2
    assert (route.started_at, route.ended_at) == (dt.datetime(2026, 6, 10, 10, 0, 1), dt.datetime(2026, 6, 10, 10, 15))
    assert route.points[1].elevation == 1001.0


def test_chinese_flight_log_in_gbk(tmp_path):
    log = tmp_path / "航线.csv"
    log.write_bytes("序号,纬度,经度,高度(m),时间\n1,36.2,114.2,900,2026/07/01 09:00:00\n2,36.21,114.21,905,2026/07/01 09:30:00\n"
                    .encode("gb18030"))
    (route,) = read_patrol_files(log).routes
    assert route.started_at == dt.datetime(2026, 7, 1, 9, 0) and route.points[0].elevation == 900


def test_flight_log_without_coordinates_or_times_is_refused(tmp_path):
    no_lat = write(tmp_path / "no_lat.csv", "x,y,time\n1,2,2026-01-01 00:00:00\n")
    with pytest.raises(PatrolFileError, match="no latitude and longitude columns"):
        read_flight_log(no_lat)
    no_time = write(tmp_path / "no_time.csv", "lat,lon\n36.1,114.1\n36.2,114.2\n")
    with pytest.raises(PatrolFileError, match="no time column could be read"):
        read_flight_log(no_time)
    bad_row = write(tmp_path / "bad_row.csv", "lat,lon,time\n36.1,114.1,2026-01-01 00:00:00\nabc,114.2,2026-01-01 00:01:00\n")
    with pytest.raises(PatrolFileError, match="bad_row.csv, row 3"):
        read_flight_log(bad_row)


def test_time_forms():
    assert parse_time("2026-01-05T01:00:00Z") == dt.datetime(2026, 1, 5, 9, 0)
    assert parse_time("2026-01-05T01:00:00.250Z") == dt.datetime(2026, 1, 5, 9, 0, 0, 250000)
    assert parse_time("2026/01/05 09:30:00") == dt.datetime(2026, 1, 5, 9, 30)
    assert parse_time("2026-01-05 01:30:00", utc=True) == dt.datetime(2026, 1, 5, 9, 30)
    assert parse_time("1767574800") == dt.datetime(2026, 1, 5, 9, 0)  # epoch seconds, UTC
    assert parse_time("1767574800000") == dt.datetime(2026, 1, 5, 9, 0)
    assert parse_time("") is None and parse_time("soon") is None
