//! The chronicle's settings, from `chronicle.toml` (read by `crate::config`).

use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// BCP 47 tag of the site's language; quotes in another language get translations.
    pub language: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub theme: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub editors: Vec<String>,
    /// When the editors last changed the content: cited as the page's date.
    pub updated: Option<NaiveDate>,
    pub map: Option<MapConfig>,
}

/// `[map]`: the outline drawn under the places, and the part of the world shown.
#[derive(Debug, Clone)]
pub struct MapConfig {
    /// A GeoJSON file of polygons, relative to the chronicle's folder.
    pub outline: String,
    /// West, south, east, north, in degrees.
    pub bounds: [f64; 4],
}
