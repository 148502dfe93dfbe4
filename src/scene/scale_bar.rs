//! Choosing a scale bar: a round number of kilometres about as long as asked.

/// The bar for a map with `km_per_point`: (kilometres, length in points), the
/// largest round length (1, 2, 5 × 10ⁿ km) not longer than `max_points`.
///
/// ```
/// use caucasus_atlas::scene::scale_bar::scale_bar;
/// let (km, points) = scale_bar(1.0, 120.0);
/// assert_eq!(km, 100.0);
/// assert_eq!(points, 100.0);
/// ```
pub fn scale_bar(km_per_point: f64, max_points: f64) -> (f64, f64) {
    let max_km = km_per_point * max_points;
    if !(max_km.is_finite() && max_km > 0.0) {
        return (0.0, 0.0);
    }
    let magnitude = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&km| km <= max_km)
        .unwrap_or(magnitude);
    (km, km / km_per_point)
}
