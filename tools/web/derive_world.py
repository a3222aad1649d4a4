#!/usr/bin/env python3
"""Derives web/world.json, the explorer's coarse world outline, from
world-atlas's land-110m.json (TopoJSON; ISC, data from Natural Earth, public
domain; see web/NOTICE):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/web/derive_world.py package/land-110m.json > web/world.json

Output: {"rings": [[lon*10, lat*10, ...], ...]}, integers (0.1 degree), each
ring a closed land outline with consecutive duplicate points dropped.
"""
import json
import sys


def main(path):
    topo = json.load(open(path))
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # quantized and delta-encoded
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(pts)

    def ring_points(ring):
        out = []
        for i in ring:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    rings = []
    for geom in topo["objects"]["land"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in polys:
            for ring in poly:
                flat, last = [], None
                for lon, lat in ring_points(ring):
                    p = (round(lon * 10), round(lat * 10))
                    if p != last:
                        flat.extend(p)
                        last = p
                if len(flat) >= 6:
                    rings.append(flat)
    json.dump({"source": "world-atlas 2.0.2 land-110m (Natural Earth)", "rings": rings},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
