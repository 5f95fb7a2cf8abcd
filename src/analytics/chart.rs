//! A bar chart as SVG geometry, computed here and drawn by a template: accessible (the template gives it a
//! title and a description, and the page shows the same figures as a table).

/// One bar: its box, and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    /// "27 Nov: €1,234.00", for a tooltip.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub width: i64,
    pub height: i64,
    pub bars: Vec<Bar>,
    /// The baseline's y.
    pub base: i64,
    /// (y, label) of the largest value's gridline.
    pub top: (i64, String),
}

pub const WIDTH: i64 = 720;
pub const HEIGHT: i64 = 220;
const PAD: i64 = 24;

/// Bars for `values` (≥ 0) with their labels, scaled so the largest fills the height; `top` labels it.
pub fn bars(values: &[(String, i64)], top_label: String) -> Chart {
    let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
    let n = i64::try_from(values.len()).unwrap_or(1).max(1);
    let inner_w = WIDTH - 2 * PAD;
    let inner_h = HEIGHT - 2 * PAD;
    let slot = (inner_w / n).max(1);
    let width = (slot * 3 / 4).max(1);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let h = i128::from(*v) * i128::from(inner_h) / i128::from(max);
            let h = i64::try_from(h).unwrap_or(inner_h);
            Bar {
                x: PAD + i64::try_from(i).unwrap_or(0) * slot + (slot - width) / 2,
                y: HEIGHT - PAD - h,
                width,
                height: h,
                label: label.clone(),
            }
        })
        .collect();
    Chart {
        width: WIDTH,
        height: HEIGHT,
        bars,
        base: HEIGHT - PAD,
        top: (PAD, top_label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_value_fills_the_height_and_zero_has_no_bar() {
        let c = bars(
            &[("a".into(), 50), ("b".into(), 100), ("c".into(), 0)],
            "100".into(),
        );
        assert_eq!(c.bars.len(), 3);
        assert_eq!(c.bars[1].height, HEIGHT - 2 * PAD);
        assert_eq!(c.bars[0].height, (HEIGHT - 2 * PAD) / 2);
        assert_eq!(c.bars[2].height, 0);
        assert!(c.bars[0].x < c.bars[1].x && c.bars[1].x < c.bars[2].x);
        assert!(bars(&[], String::new()).bars.is_empty());
    }
}
