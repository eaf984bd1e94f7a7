//! The map's outline: a GeoJSON file of country polygons named in `[map]`.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use serde_json::Value;

/// Polygons in longitude and latitude degrees: each a list of rings, each a closed list
/// of points.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// Parses a GeoJSON FeatureCollection whose features are Polygons or MultiPolygons; a
/// feature's `name` property names it. Errors point into the file.
pub fn parse(file: &SourceText, diagnostics: &mut Diagnostics) -> Option<Outline> {
    let json: Value = match serde_json::from_str(&file.text) {
        Ok(json) => json,
        Err(error) => {
            let at = file.line_start(error.line().max(1)) + error.column().saturating_sub(1);
            diagnostics.push(
                Diagnostic::error(format!("the map outline is not valid JSON: {error}"))
                    .at(file, at..at)
                    .help("the outline is a GeoJSON FeatureCollection of Polygon and MultiPolygon features"),
            );
            return None;
        }
    };
    let features = json.get("features").and_then(Value::as_array);
    let Some(features) = features else {
        diagnostics.push(
            Diagnostic::error("the map outline has no `features` list")
                .in_file(file)
                .help("give a GeoJSON FeatureCollection of Polygon and MultiPolygon features"),
        );
        return None;
    };
    let mut outline = Outline::default();
    for (index, feature) in features.iter().enumerate() {
        let name = feature.pointer("/properties/name").and_then(Value::as_str).unwrap_or("").to_string();
        let geometry = feature.get("geometry");
        let kind = geometry.and_then(|g| g.get("type")).and_then(Value::as_str);
        let coordinates = geometry.and_then(|g| g.get("coordinates"));
        let polygons = match (kind, coordinates) {
            (Some("Polygon"), Some(c)) => polygon(c).map(|p| vec![p]),
            (Some("MultiPolygon"), Some(Value::Array(list))) => list.iter().map(polygon).collect(),
            _ => None,
        };
        match polygons {
            Some(polygons) => outline.areas.push(Area { name, polygons }),
            None => diagnostics.push(
                Diagnostic::error(format!(
                    "feature {index} ({}) of the map outline is not a Polygon or MultiPolygon of [lon, lat] points",
                    if name.is_empty() { "unnamed" } else { &name }
                ))
                .in_file(file)
                .help("keep only polygon features, with coordinates in degrees"),
            ),
        }
    }
    Some(outline)
}

fn polygon(value: &Value) -> Option<Vec<Vec<[f64; 2]>>> {
    value.as_array()?.iter().map(ring).collect()
}

fn ring(value: &Value) -> Option<Vec<[f64; 2]>> {
    value
        .as_array()?
        .iter()
        .map(|point| {
            let point = point.as_array()?;
            Some([point.first()?.as_f64()?, point.get(1)?.as_f64()?])
        })
        .collect()
}
