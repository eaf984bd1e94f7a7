// Extracts the outlines of Mali and its neighbours from world-atlas's countries-50m.json
// (Natural Earth 1:50m) as a small GeoJSON file. Usage, from a scratch folder where
// `npm install world-atlas@2.0.2 topojson-client@3` has been run:
//   node <this file> node_modules/world-atlas/countries-50m.json > west-africa.geojson
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.cwd() + "/");
const { feature } = require("topojson-client");

const KEEP = [
  "Algeria", "Benin", "Burkina Faso", "Côte d'Ivoire", "Gambia", "Ghana", "Guinea",
  "Guinea-Bissau", "Liberia", "Mali", "Mauritania", "Niger", "Nigeria", "Senegal",
  "Sierra Leone", "Togo", "W. Sahara",
];

const topology = JSON.parse(readFileSync(process.argv[2], "utf8"));
const countries = feature(topology, topology.objects.countries).features;
const round = (x) => Math.round(x * 100) / 100;

function ring(points) {
  const out = [];
  for (const [lon, lat] of points) {
    const p = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out.length >= 4 ? out : null;
}

const polygon = (rings) => rings.map(ring).filter(Boolean);
const lines = [];
for (const name of KEEP) {
  const country = countries.find((c) => c.properties.name === name);
  if (!country) throw new Error(`no country named ${name}`);
  const g = country.geometry;
  const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates).map(polygon).filter((p) => p.length);
  const geometry = polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] }
    : { type: "MultiPolygon", coordinates: polygons };
  lines.push(JSON.stringify({ type: "Feature", properties: { name, id: String(country.id) }, geometry }));
}
process.stdout.write(`{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`);
