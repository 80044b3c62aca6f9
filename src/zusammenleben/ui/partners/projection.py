"""Lambert azimuthal equal-area projection centred on Europe (no Qt).

Equal-area, so Scandinavia and the Mediterranean keep their relative sizes; centred at 10° E,
52° N, the shapes of Europe look as in an atlas. Output is in kilometres on a sphere, x to the
east, y to the NORTH (the view flips y).
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0
CENTRE = (10.0, 52.0)  # lon, lat


def project(lon: float, lat: float, centre: tuple[float, float] = CENTRE) -> tuple[float, float]:
    lon0, lat0 = (math.radians(value) for value in centre)
    lam, phi = math.radians(lon), math.radians(lat)
    cos_c = math.sin(lat0) * math.sin(phi) + math.cos(lat0) * math.cos(phi) * math.cos(lam - lon0)
    k = math.sqrt(2.0 / (1.0 + max(cos_c, -0.999999)))
    x = k * math.cos(phi) * math.sin(lam - lon0)
    y = k * (math.cos(lat0) * math.sin(phi) - math.sin(lat0) * math.cos(phi) * math.cos(lam - lon0))
    return x * EARTH_RADIUS_KM, y * EARTH_RADIUS_KM
