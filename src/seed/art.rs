//! Flat-style SVG product illustrations used as demo product photos.
//!
//! Every image is a self-contained 600x600 SVG: a soft background with a
//! subtle pattern, a ground shadow and the product drawn with simple shapes.
//! Output is fully deterministic for a given `(motif, palette, variant)`.

use std::f64::consts::PI;
use std::fmt::Write;

/// Motif keys the demo catalogue uses.
pub const MOTIFS: &[&str] = &[
    "bag",
    "wallet",
    "belt",
    "shoe",
    "scarf",
    "shirt",
    "dress",
    "hat",
    "rug",
    "pillow",
    "towel",
    "vase",
    "bowl",
    "plate",
    "cup",
    "teapot",
    "jar",
    "bottle",
    "coffee",
    "tea",
    "candy",
    "cookie",
    "soap",
    "cream",
    "perfume",
    "necklace",
    "ring",
    "earrings",
    "phonecase",
    "cable",
    "headphones",
    "doll",
    "car",
    "teddy",
    "puzzle",
    "notebook",
    "pen",
    "candle",
    "lamp",
    "box",
    "ornament",
];

/// A 600x600 SVG (viewBox="0 0 600 600", width/height 600, xmlns set) of `motif` in colour palette `palette`
/// (0..=7; other values wrap). `variant` (any u32) deterministically varies details (background pattern,
/// small decorations, rotation of a pattern, secondary colour choice) so two products with the same motif and
/// palette do not look identical. Unknown motifs draw a neutral gift-box. Same inputs -> same bytes.
pub fn product_svg(motif: &str, palette: u8, variant: u32) -> String {
    let palette = palette % 8;
    let seed = seed_for(motif, palette, variant);
    // Ids are unique per image so several SVGs can be inlined in one page.
    let id = format!("k{:08x}", seed >> 32);
    render(motif, palette, seed, &id)
}

/// A harmonious set of colours; `bg`/`bg2`/`pat` are for the background.
#[derive(Clone, Copy)]
struct Palette {
    bg: &'static str,
    bg2: &'static str,
    pat: &'static str,
    main: &'static str,
    deep: &'static str,
    sec: &'static str,
    acc: &'static str,
    light: &'static str,
    ink: &'static str,
}

const fn pal(c: [&'static str; 9]) -> Palette {
    Palette {
        bg: c[0],
        bg2: c[1],
        pat: c[2],
        main: c[3],
        deep: c[4],
        sec: c[5],
        acc: c[6],
        light: c[7],
        ink: c[8],
    }
}

const PALETTES: [Palette; 8] = [
    // terracotta / cream
    pal([
        "#F7EEE4", "#EFDDCB", "#E3C9AF", "#C8643B", "#9A4527", "#E8C39A", "#3E6B66", "#FFF8EF",
        "#3A2820",
    ]),
    // olive / sand
    pal([
        "#F4F1E4", "#E7E0C8", "#D8CFAE", "#7D8751", "#5A6236", "#D8BE8C", "#B9683F", "#FCF9EE",
        "#2E3120",
    ]),
    // navy / gold
    pal([
        "#EDF1F7", "#D9E2EE", "#C5D2E3", "#26406A", "#182B4A", "#D9AA3A", "#8FB0D6", "#FFFDF6",
        "#121B2C",
    ]),
    // teal / coral
    pal([
        "#EAF5F3", "#D5EBE7", "#BFDFD9", "#2A8C82", "#1C655E", "#F27D66", "#F5C98F", "#FFFBF5",
        "#16352F",
    ]),
    // plum / blush
    pal([
        "#F9EEF1", "#F0DCE3", "#E5C6D1", "#7C3F6C", "#572A4C", "#F0B5C3", "#D9A25E", "#FFF7F9",
        "#2D1427",
    ]),
    // forest / mint
    pal([
        "#ECF6EF", "#D7ECDF", "#C0DFCB", "#2F6149", "#1F4433", "#9FD9B8", "#E4B75E", "#F7FFF9",
        "#13281E",
    ]),
    // charcoal / amber
    pal([
        "#F3F1ED", "#E4E0D9", "#D3CDC3", "#3B3F46", "#25282D", "#F1A93C", "#BFB6A8", "#FFFCF4",
        "#141518",
    ]),
    // sky / lemon
    pal([
        "#EDF6FC", "#D8EBF8", "#C2DDF1", "#4A9FD8", "#2E78AE", "#F6DC5B", "#F29B7C", "#FFFFFF",
        "#173650",
    ]),
];

const GOLD: &str = "#E2B552";
const SILVER: &str = "#CBD2DA";
const SKIN: &str = "#F7D9BD";
const BLUSH: &str = "#F29C97";
const BISCUIT: &str = "#D89B5B";
const BISCUIT_EDGE: &str = "#B97A3E";
const CHOC: &str = "#5B3A29";
const FLAME: &str = "#FFB23F";
const FLAME_CORE: &str = "#FFE8A3";
const GLASS: &str = "#E4F1F8";
const TEA: &str = "#B8692E";
const WHITE: &str = "#fff";
const BLACK: &str = "#000";

/// Colours resolved for one image (variant picks trim and metal).
#[derive(Clone, Copy)]
struct Colors {
    main: &'static str,
    deep: &'static str,
    trim: &'static str,
    third: &'static str,
    light: &'static str,
    ink: &'static str,
    metal: &'static str,
}

/// SplitMix64: tiny, fast and good enough for picking decorations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }

    fn chance(&mut self) -> bool {
        self.next() & 1 == 1
    }

    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1).max(1) as u32) as i32
    }
}

fn seed_for(motif: &str, palette: u8, variant: u32) -> u64 {
    // FNV-1a over the motif, then mix in palette and variant.
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in motif.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    let mut r = Rng(h ^ (u64::from(variant) << 8) ^ u64::from(palette));
    r.next()
}

/// SVG writer with a few shape helpers; all coordinates are in the 600x600 space.
struct Art {
    s: String,
    c: Colors,
    rng: Rng,
    id: String,
    clips: u32,
}

impl Art {
    fn path(&mut self, d: &str, fill: &str) {
        let _ = write!(self.s, r#"<path d="{d}" fill="{fill}"/>"#);
    }

    fn path_o(&mut self, d: &str, fill: &str, op: f32) {
        let _ = write!(self.s, r#"<path d="{d}" fill="{fill}" opacity="{op}"/>"#);
    }

    /// Darkening overlay for the shadow side of an object.
    fn shade(&mut self, d: &str) {
        self.path_o(d, BLACK, 0.14);
    }

    /// Lightening overlay for highlights.
    fn hi(&mut self, d: &str) {
        self.path_o(d, WHITE, 0.3);
    }

    fn line(&mut self, d: &str, stroke: &str, w: u32) {
        let _ = write!(
            self.s,
            r#"<path d="{d}" fill="none" stroke="{stroke}" stroke-width="{w}" stroke-linecap="round" stroke-linejoin="round"/>"#
        );
    }

    fn line_o(&mut self, d: &str, stroke: &str, w: u32, op: f32) {
        let _ = write!(
            self.s,
            r#"<path d="{d}" fill="none" stroke="{stroke}" stroke-width="{w}" stroke-linecap="round" opacity="{op}"/>"#
        );
    }

    fn hi_line(&mut self, d: &str, w: u32) {
        self.line_o(d, WHITE, w, 0.4);
    }

    fn dashed(&mut self, d: &str, stroke: &str) {
        let _ = write!(
            self.s,
            r#"<path d="{d}" fill="none" stroke="{stroke}" stroke-width="3" stroke-dasharray="9 7" opacity=".6"/>"#
        );
    }

    fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, rx: i32, fill: &str) {
        let _ = write!(
            self.s,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"/>"#
        );
    }

    fn circle(&mut self, cx: i32, cy: i32, r: i32, fill: &str) {
        let _ = write!(
            self.s,
            r#"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>"#
        );
    }

    fn ellipse(&mut self, cx: i32, cy: i32, rx: i32, ry: i32, fill: &str) {
        let _ = write!(
            self.s,
            r#"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{fill}"/>"#
        );
    }

    /// Stroked ellipse outline.
    fn ring(&mut self, cx: i32, cy: i32, rx: i32, ry: i32, stroke: &str, w: u32) {
        let _ = write!(
            self.s,
            r#"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="none" stroke="{stroke}" stroke-width="{w}"/>"#
        );
    }

    /// Soft contact shadow under the object.
    fn ground(&mut self, cx: i32, cy: i32, rx: i32) {
        let ry = rx / 9 + 4;
        let ink = self.c.ink;
        let _ = write!(
            self.s,
            r#"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{ink}" opacity=".13"/>"#
        );
    }

    fn group(&mut self, transform: &str) {
        let _ = write!(self.s, r#"<g transform="{transform}">"#);
    }

    /// Starts a group clipped to `shape` (an SVG element); close with `end`.
    fn clip(&mut self, shape: &str) {
        self.clips += 1;
        let n = format!("{}c{}", self.id, self.clips);
        let _ = write!(
            self.s,
            r#"<clipPath id="{n}">{shape}</clipPath><g clip-path="url(#{n})">"#
        );
    }

    fn end(&mut self) {
        self.s.push_str("</g>");
    }

    /// A pointed leaf starting at (x, y), pointing along `angle` degrees.
    fn leaf(&mut self, x: i32, y: i32, angle: i32, len: i32, fill: &str) {
        let h = len / 2;
        let w = len / 4;
        let _ = write!(
            self.s,
            r#"<path d="M0 0Q{h} -{w} {len} 0Q{h} {w} 0 0Z" fill="{fill}" transform="translate({x} {y}) rotate({angle})"/>"#
        );
    }

    /// Soft radial glow (for flames and lamps).
    fn glow(&mut self, cx: i32, cy: i32, r: i32) {
        self.clips += 1;
        let n = format!("{}r{}", self.id, self.clips);
        let _ = write!(
            self.s,
            r#"<defs><radialGradient id="{n}"><stop offset="0" stop-color="{FLAME_CORE}"/><stop offset=".45" stop-color="{FLAME_CORE}" stop-opacity=".6"/><stop offset="1" stop-color="{FLAME_CORE}" stop-opacity="0"/></radialGradient></defs><circle cx="{cx}" cy="{cy}" r="{r}" fill="url(#{n})"/>"#
        );
    }

    fn sparkle(&mut self, x: i32, y: i32, r: i32, fill: &str) {
        let d = format!(
            "M{x} {}Q{x} {y} {} {y}Q{x} {y} {x} {}Q{x} {y} {} {y}Q{x} {y} {x} {}Z",
            y - r,
            x + r,
            y + r,
            x - r,
            y - r
        );
        self.path_o(&d, fill, 0.8);
    }

    fn bubble(&mut self, x: i32, y: i32, r: i32) {
        let _ = write!(
            self.s,
            r#"<circle cx="{x}" cy="{y}" r="{r}" fill="{WHITE}" fill-opacity=".35" stroke="{WHITE}" stroke-width="3"/>"#
        );
    }
}

fn render(motif: &str, palette: u8, seed: u64, id: &str) -> String {
    let p = PALETTES[usize::from(palette % 8)];
    let mut rng = Rng(seed);
    let swap = rng.below(3) == 0;
    let c = Colors {
        main: p.main,
        deep: p.deep,
        trim: if swap { p.acc } else { p.sec },
        third: if swap { p.sec } else { p.acc },
        light: p.light,
        ink: p.ink,
        metal: if rng.chance() { GOLD } else { SILVER },
    };
    let mut a = Art {
        s: String::with_capacity(5000),
        c,
        rng,
        id: id.to_string(),
        clips: 0,
    };
    a.s.push_str(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 600" width="600" height="600">"#,
    );
    background(&mut a, &p);
    draw_motif(&mut a, motif);
    decorate(&mut a);
    a.s.push_str("</svg>");
    a.s
}

fn background(a: &mut Art, p: &Palette) {
    let id = a.id.clone();
    let (x2, y2) = match a.rng.below(3) {
        0 => (0, 1),
        1 => (1, 1),
        _ => (1, 0),
    };
    let rot = [0, 15, 30, 45, 60, 90, 120, 135, 150][a.rng.below(9) as usize];
    let pat = p.pat;
    let (w, h, tile) = match a.rng.below(5) {
        0 => (28, 28, r#"<circle cx="14" cy="14" r="3"/>"#.to_string()),
        1 => (26, 26, r#"<rect width="8" height="26"/>"#.to_string()),
        2 => (
            48,
            24,
            format!(
                r#"<path d="M0 12Q12 2 24 12T48 12" fill="none" stroke="{pat}" stroke-width="3"/>"#
            ),
        ),
        3 => (
            36,
            36,
            r#"<path d="M16 11h4v5h5v4h-5v5h-4v-5h-5v-4h5z"/>"#.to_string(),
        ),
        _ => (32, 32, r#"<path d="M16 9l7 7-7 7-7-7z"/>"#.to_string()),
    };
    let _ = write!(
        a.s,
        r#"<defs><linearGradient id="{id}g" x1="0" y1="0" x2="{x2}" y2="{y2}"><stop offset="0" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient><pattern id="{id}p" width="{w}" height="{h}" patternUnits="userSpaceOnUse" patternTransform="rotate({rot})" fill="{pat}">{tile}</pattern></defs><rect width="600" height="600" fill="url(#{id}g)"/><rect width="600" height="600" fill="url(#{id}p)" opacity=".55"/>"#,
        p.bg, p.bg2
    );
    let light = p.light;
    match a.rng.below(4) {
        0 => a.path_o(
            "M300 80a215 215 0 1 1 0 430a215 215 0 1 1 0-430Z",
            light,
            0.6,
        ),
        1 => a.path_o("M125 530V270a175 175 0 0 1 350 0V530Z", light, 0.55),
        2 => a.path_o("M0 452H600V600H0Z", p.pat, 0.45),
        _ => a.path_o(
            "M150 90H450Q510 90 510 150V450Q510 510 450 510H150Q90 510 90 450V150Q90 90 150 90Z",
            light,
            0.5,
        ),
    }
}

fn decorate(a: &mut Art) {
    const SPOTS: [(i32, i32); 8] = [
        (78, 86),
        (522, 92),
        (64, 290),
        (536, 280),
        (96, 528),
        (506, 524),
        (176, 52),
        (426, 50),
    ];
    let n = 2 + a.rng.below(3) as usize;
    let start = a.rng.below(8) as usize;
    let kind = a.rng.below(3);
    let c = a.c;
    for i in 0..n {
        let (x, y) = SPOTS[(start + i * 3) % SPOTS.len()];
        let x = x + a.rng.range(-12, 12);
        let y = y + a.rng.range(-12, 12);
        let r = a.rng.range(9, 16);
        let fill = if i % 2 == 0 { c.trim } else { c.third };
        match kind {
            0 => a.sparkle(x, y, r + 4, fill),
            1 => a.path_o(
                &format!(
                    "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
                    x - r,
                    2 * r,
                    2 * r
                ),
                fill,
                0.55,
            ),
            _ => {
                let _ = write!(
                    a.s,
                    r#"<circle cx="{x}" cy="{y}" r="{}" fill="none" stroke="{fill}" stroke-width="4" opacity=".7"/>"#,
                    r - 2
                );
            }
        }
    }
}

fn draw_motif(a: &mut Art, motif: &str) {
    match motif {
        "bag" => bag(a),
        "wallet" => wallet(a),
        "belt" => belt(a),
        "shoe" => shoe(a),
        "scarf" => scarf(a),
        "shirt" => shirt(a),
        "dress" => dress(a),
        "hat" => hat(a),
        "rug" => rug(a),
        "pillow" => pillow(a),
        "towel" => towel(a),
        "vase" => vase(a),
        "bowl" => bowl(a),
        "plate" => plate(a),
        "cup" => cup(a),
        "teapot" => teapot(a),
        "jar" => jar(a),
        "bottle" => bottle(a),
        "coffee" => coffee(a),
        "tea" => tea(a),
        "candy" => candy(a),
        "cookie" => cookie(a),
        "soap" => soap(a),
        "cream" => cream(a),
        "perfume" => perfume(a),
        "necklace" => necklace(a),
        "ring" => ring(a),
        "earrings" => earrings(a),
        "phonecase" => phonecase(a),
        "cable" => cable(a),
        "headphones" => headphones(a),
        "doll" => doll(a),
        "car" => car(a),
        "teddy" => teddy(a),
        "puzzle" => puzzle(a),
        "notebook" => notebook(a),
        "pen" => pen(a),
        "candle" => candle(a),
        "lamp" => lamp(a),
        "ornament" => ornament(a),
        _ => gift_box(a),
    }
}

fn steam(a: &mut Art, x: i32, y: i32) {
    let ink = a.c.ink;
    let d = format!(
        "M{x} {y}c-14-18 14-30 0-50M{} {}c-14-18 14-30 0-50",
        x + 40,
        y + 8
    );
    a.line_o(&d, ink, 8, 0.18);
}

fn bag(a: &mut Art) {
    let c = a.c;
    a.ground(300, 458, 170);
    a.line("M232 250V212a68 68 0 0 1 136 0V250", c.deep, 16);
    a.path(
        "M182 240H418Q432 240 434 254L456 436Q458 458 436 458H164Q142 458 144 436L166 254Q168 240 182 240Z",
        c.main,
    );
    a.shade("M392 240H418Q432 240 434 254L456 436Q458 458 436 458H404Z");
    if a.rng.chance() {
        a.path("M149 388H451L454 410H146Z", c.trim);
    }
    a.path("M170 240H430L428 276Q300 326 172 276Z", c.deep);
    a.circle(300, 298, 14, c.metal);
    a.hi_line("M186 306L176 420", 10);
}

fn wallet(a: &mut Art) {
    let c = a.c;
    a.ground(300, 438, 165);
    a.group("rotate(-10 300 220)");
    a.rect(214, 166, 150, 96, 10, c.trim);
    a.rect(214, 186, 150, 16, 0, c.deep);
    a.end();
    a.rect(150, 215, 300, 215, 30, c.main);
    a.shade("M150 340H450V400Q450 430 420 430H180Q150 430 150 400Z");
    let light = c.light;
    let _ = write!(
        a.s,
        r#"<rect x="164" y="229" width="272" height="187" rx="20" fill="none" stroke="{light}" stroke-width="3" stroke-dasharray="9 7" opacity=".6"/>"#
    );
    a.rect(352, 284, 108, 66, 33, c.deep);
    a.circle(423, 317, 13, c.metal);
    a.hi_line("M172 250V320", 8);
}

fn belt(a: &mut Art) {
    let c = a.c;
    a.ground(300, 410, 200);
    a.group("rotate(-12 300 300)");
    a.path("M120 272H455Q490 272 506 300Q490 328 455 328H120Z", c.main);
    a.shade("M120 310H500Q490 328 455 328H120Z");
    a.dashed("M236 283H462M236 317H462", c.light);
    for x in [376, 408, 440] {
        a.circle(x, 300, 6, c.deep);
    }
    a.rect(204, 262, 24, 76, 6, c.deep);
    let _ = write!(
        a.s,
        r#"<rect x="96" y="250" width="82" height="100" rx="20" fill="none" stroke="{}" stroke-width="15"/>"#,
        c.metal
    );
    a.line("M98 300H196", c.metal, 9);
    a.hi_line("M104 268V284", 5);
    a.end();
}

fn shoe(a: &mut Art) {
    let c = a.c;
    a.ground(306, 440, 190);
    a.path(
        "M140 396C134 352 146 312 166 290Q204 304 240 298L258 274Q272 262 286 276L376 330L426 338C466 346 486 368 486 396Z",
        c.main,
    );
    a.path(
        "M412 336C460 344 486 366 486 396H442C440 370 430 352 412 336Z",
        c.light,
    );
    a.path(
        "M188 386C228 342 300 330 368 338L360 358C304 352 250 362 218 392Z",
        c.trim,
    );
    a.path(
        "M140 396C134 360 144 318 162 294L184 302Q168 350 170 396Z",
        c.deep,
    );
    a.line("M166 292Q204 306 242 300", c.deep, 12);
    for (x, y) in [(276, 292), (302, 308), (328, 323)] {
        let d = format!("M{x} {y}l10-18");
        a.line(&d, c.light, 7);
    }
    a.path(
        "M128 394H478Q494 394 494 410V412Q494 438 468 438H152Q128 438 128 414Z",
        c.light,
    );
    a.path("M128 420H494Q492 438 468 438H152Q130 438 128 420Z", c.trim);
    a.hi_line("M196 318Q186 340 186 360", 8);
}

fn scarf(a: &mut Art) {
    let c = a.c;
    a.ground(305, 456, 130);
    a.ring(300, 178, 100, 44, c.deep, 40);
    // back tail
    a.path("M302 196L380 190L404 420L330 430Z", c.deep);
    a.path("M319 362L397 352L400 372L321 384Z", c.trim);
    // front tail
    a.path("M220 200L302 208L286 436H204Z", c.main);
    for y in [376, 402] {
        let d = format!("M{} {y}H{}L{} {}H{}Z", 208, 290, 289, y + 12, 207);
        a.path(&d, c.trim);
    }
    a.shade("M270 206L302 208L286 436H262Z");
    let mut d = String::new();
    for i in 0..7 {
        let x = 210 + i * 12;
        let _ = write!(d, "M{x} 440v18");
    }
    for i in 0..6 {
        let x = 336 + i * 12;
        let y = 432 - i * 2;
        let _ = write!(d, "M{x} {y}v18");
    }
    a.line(&d, c.main, 4);
    // front of the loop and knot
    a.path(
        "M206 176Q214 222 300 222Q388 222 396 176Q400 206 380 222Q300 252 222 224Q200 206 206 176Z",
        c.main,
    );
    a.ellipse(262, 214, 40, 28, c.main);
    a.shade("M230 226Q262 252 296 222Q300 236 288 240Q262 250 230 226Z");
    a.hi_line("M232 250L222 360", 8);
}

fn shirt(a: &mut Art) {
    let c = a.c;
    a.ground(300, 466, 150);
    let body = "M232 150L182 166L112 232L156 292L196 262V462H404V262L444 292L488 232L418 166L368 150C358 180 340 196 300 196C260 196 242 180 232 150Z";
    a.path(body, c.main);
    if a.rng.chance() {
        a.clip(&format!(r#"<path d="{body}"/>"#));
        let mut d = String::new();
        for i in 0..6 {
            let y = 236 + i * 44;
            let _ = write!(d, "M100 {y}H500v16H100Z");
        }
        a.path_o(&d, c.light, 0.35);
        a.end();
    } else {
        a.rect(334, 250, 50, 56, 6, c.deep);
        a.rect(334, 250, 50, 12, 4, c.trim);
    }
    a.shade("M196 262V462H226V300Q214 280 196 262ZM404 262V462H374V300Q386 280 404 262Z");
    a.path("M112 232L156 292L172 280L128 220Z", c.trim);
    a.path("M488 232L444 292L428 280L472 220Z", c.trim);
    a.line(
        "M234 154C246 184 264 200 300 200C336 200 354 184 366 154",
        c.deep,
        12,
    );
    a.rect(196, 448, 208, 14, 0, c.deep);
}

fn dress(a: &mut Art) {
    let c = a.c;
    a.ground(300, 466, 150);
    a.line("M262 128L256 196M338 128L344 196", c.deep, 10);
    a.path("M250 188Q300 214 350 188L356 272H244Z", c.main);
    let skirt = "M248 286H352L440 440Q300 484 160 440Z";
    a.path(skirt, c.main);
    a.clip(&format!(r#"<path d="{skirt}"/>"#));
    if a.rng.chance() {
        let mut d = String::new();
        for row in 0..5 {
            for col in 0..8 {
                let x = 150 + col * 44 + (row % 2) * 22;
                let y = 318 + row * 34;
                let _ = write!(d, "M{x} {y}a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z");
            }
        }
        a.path_o(&d, c.light, 0.8);
    } else {
        a.path("M150 418Q300 462 450 418V470H150Z", c.trim);
    }
    a.shade("M300 286H352L440 440Q400 454 350 460Z");
    a.end();
    a.line_o("M270 300L236 440M330 300L364 444", c.deep, 4, 0.5);
    a.rect(242, 266, 116, 22, 8, c.trim);
    a.circle(300, 277, 9, c.light);
    a.hi_line("M262 214L258 260", 8);
}

fn hat(a: &mut Art) {
    let c = a.c;
    a.ground(300, 444, 205);
    a.ellipse(300, 386, 204, 54, c.deep);
    a.ellipse(300, 380, 196, 46, c.main);
    a.path(
        "M196 384C194 298 214 226 300 226C386 226 406 298 404 384Q300 408 196 384Z",
        c.main,
    );
    a.shade("M300 226C332 250 344 300 344 402Q376 398 404 384C406 298 386 226 300 226Z");
    a.path("M198 336Q300 360 402 336L404 382Q300 406 196 382Z", c.trim);
    if a.rng.chance() {
        for (x, y) in [(360, 348), (376, 364), (350, 372)] {
            a.circle(x, y, 13, c.light);
        }
        a.circle(362, 362, 8, c.third);
    }
    a.hi_line("M222 320Q226 262 262 240", 10);
}

fn rug(a: &mut Art) {
    let c = a.c;
    a.ground(300, 470, 175);
    let mut d = String::new();
    for i in 0..19 {
        let x = 172 + i * 14;
        let _ = write!(d, "M{x} 110v16M{x} 454v16");
    }
    a.line(&d, c.deep, 4);
    a.rect(158, 124, 284, 332, 6, c.main);
    let _ = write!(
        a.s,
        r#"<rect x="178" y="144" width="244" height="292" rx="4" fill="none" stroke="{}" stroke-width="10"/>"#,
        c.trim
    );
    a.rect(198, 164, 204, 252, 4, c.deep);
    a.path("M300 196L376 290L300 384L224 290Z", c.trim);
    a.path("M300 236L344 290L300 344L256 290Z", c.light);
    a.circle(300, 290, 16, c.main);
    for (x, y, sx, sy) in [
        (198, 164, 1, 1),
        (402, 164, -1, 1),
        (198, 416, 1, -1),
        (402, 416, -1, -1),
    ] {
        let d = format!("M{x} {y}h{}l{} {}Z", 44 * sx, -44 * sx, 44 * sy);
        a.path(&d, c.light);
    }
}

fn pillow(a: &mut Art) {
    let c = a.c;
    a.ground(300, 452, 170);
    let shape = "M160 160Q300 182 440 160Q418 300 440 440Q300 418 160 440Q182 300 160 160Z";
    a.path(shape, c.main);
    a.clip(&format!(r#"<path d="{shape}"/>"#));
    let tufted = match a.rng.below(3) {
        0 => {
            a.circle(300, 300, 96, c.trim);
            a.circle(300, 300, 52, c.light);
            true
        }
        1 => {
            a.path(
                "M120 300L300 120L340 120L120 340ZM190 460L460 190V240L240 460Z",
                c.trim,
            );
            a.path("M150 420L420 150L440 170L170 440Z", c.light);
            false
        }
        _ => {
            let mut d = String::new();
            for i in 0..4 {
                let y = 206 + i * 64;
                let _ = write!(d, "M150 {y}H450v28H150Z");
            }
            a.path(&d, c.trim);
            a.line_o("M150 250H450M150 314H450M150 378H450", c.light, 4, 0.8);
            false
        }
    };
    a.shade("M440 160Q418 300 440 440Q300 418 160 440Q300 400 404 404Q400 300 440 160Z");
    a.end();
    let _ = write!(
        a.s,
        r#"<path d="{shape}" fill="none" stroke="{}" stroke-width="7" stroke-linejoin="round"/>"#,
        c.deep
    );
    if tufted {
        a.circle(300, 300, 10, c.deep);
        a.line_o(
            "M300 282V268M300 318V332M282 300H268M318 300H332",
            c.deep,
            3,
            0.5,
        );
    }
    a.hi_line("M196 196Q300 210 404 196", 8);
}

fn towel(a: &mut Art) {
    let c = a.c;
    a.ground(300, 458, 175);
    a.rect(145, 362, 310, 94, 20, c.main);
    a.rect(184, 362, 14, 94, 0, c.trim);
    a.rect(208, 362, 6, 94, 0, c.trim);
    a.hi("M165 362H435Q455 362 455 382V388H145V382Q145 362 165 362Z");
    a.shade("M145 430H455V436Q455 456 435 456H165Q145 456 145 436Z");
    a.rect(165, 276, 270, 90, 20, c.trim);
    a.rect(386, 276, 12, 90, 0, c.light);
    a.rect(406, 276, 5, 90, 0, c.light);
    a.hi("M185 276H415Q435 276 435 296V302H165V296Q165 276 185 276Z");
    a.shade("M165 342H435V346Q435 366 415 366H185Q165 366 165 346Z");
    // rolled towel on top
    a.rect(200, 200, 200, 78, 39, c.third);
    a.shade("M200 250H400V256Q400 278 378 278H222Q200 278 200 256Z");
    a.ellipse(384, 239, 30, 39, c.third);
    a.ring(384, 239, 18, 25, c.deep, 4);
    a.ring(384, 239, 7, 10, c.deep, 4);
}

fn vase(a: &mut Art) {
    let c = a.c;
    a.ground(300, 454, 125);
    a.line(
        "M292 170Q280 120 236 88M304 170Q306 110 322 66M314 170Q336 124 380 100",
        c.ink,
        4,
    );
    if a.rng.chance() {
        for (x, y, ang) in [
            (262, 110, 200),
            (250, 98, 250),
            (306, 118, 170),
            (318, 88, 10),
            (340, 132, 300),
            (360, 110, 250),
        ] {
            a.leaf(x, y, ang, 44, c.third);
        }
    } else {
        for (x, y) in [(236, 88), (322, 66), (380, 100)] {
            for k in 0..5 {
                let t = f64::from(k) * 2.0 * PI / 5.0;
                let px = x + (14.0 * t.cos()).round() as i32;
                let py = y + (14.0 * t.sin()).round() as i32;
                a.circle(px, py, 11, c.trim);
            }
            a.circle(x, y, 8, c.third);
        }
    }
    let body = "M262 168H338V186C338 214 408 246 408 330C408 410 366 452 300 452C234 452 192 410 192 330C192 246 262 214 262 186Z";
    a.path(body, c.main);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    a.rect(180, 304, 240, 30, 0, c.trim);
    a.rect(180, 344, 240, 8, 0, c.trim);
    a.shade("M340 170C350 230 380 290 370 360C362 410 340 440 300 460H420V170Z");
    a.end();
    a.rect(252, 156, 96, 20, 8, c.deep);
    a.hi_line("M222 290Q214 340 230 392", 10);
}

fn bowl(a: &mut Art) {
    let c = a.c;
    a.ground(300, 446, 150);
    a.rect(246, 424, 108, 22, 8, c.deep);
    let body = "M138 292H462C462 384 392 438 300 438C208 438 138 384 138 292Z";
    a.path(body, c.main);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    let mut d = String::from("M130 352");
    for i in 0..9 {
        let x = 130 + i * 40;
        let _ = write!(d, "Q{} 332 {} 352", x + 20, x + 40);
    }
    d.push_str("V372H130Z");
    a.path(&d, c.trim);
    a.shade("M380 292H462C462 384 392 438 300 438C370 410 396 360 380 292Z");
    a.end();
    a.ellipse(300, 292, 162, 36, c.main);
    a.ellipse(300, 294, 148, 27, c.light);
    a.shade("M152 294A148 27 0 0 1 448 294Q300 280 152 294Z");
    a.hi_line("M172 330Q186 380 226 408", 10);
}

fn plate(a: &mut Art) {
    let c = a.c;
    a.ground(300, 420, 195);
    a.ellipse(300, 346, 190, 92, c.deep);
    a.ellipse(300, 336, 190, 92, c.main);
    a.ellipse(300, 322, 190, 92, c.light);
    a.ring(300, 322, 176, 84, c.main, 10);
    a.ellipse(300, 330, 118, 54, c.light);
    a.path_o(
        "M182 330A118 54 0 0 1 418 330Q300 300 182 330Z",
        BLACK,
        0.07,
    );
    a.ring(300, 330, 118, 54, c.deep, 2);
    let mut d = String::new();
    for k in 0..18 {
        let t = f64::from(k) * 2.0 * PI / 18.0;
        let x = 300.0 + 150.0 * t.cos();
        let y = 322.0 + 71.0 * t.sin();
        let _ = write!(
            d,
            "M{:.0} {:.0}a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z",
            x - 6.0,
            y
        );
    }
    a.path(&d, c.trim);
}

fn cup(a: &mut Art) {
    let c = a.c;
    a.ground(300, 444, 145);
    a.line("M372 274H392A45 45 0 0 1 392 364H372", c.deep, 22);
    let body = "M196 226H384V396Q384 444 336 444H244Q196 444 196 396Z";
    a.path(body, c.main);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    if a.rng.chance() {
        a.rect(190, 300, 200, 40, 0, c.trim);
        a.rect(190, 350, 200, 8, 0, c.trim);
    } else {
        let mut d = String::new();
        for row in 0..5 {
            for col in 0..5 {
                let x = 206 + col * 40 + (row % 2) * 20;
                let y = 266 + row * 36;
                let _ = write!(d, "M{x} {y}a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z");
            }
        }
        a.path_o(&d, c.trim, 0.9);
    }
    a.shade("M350 226H390V450H320Q350 420 350 380Z");
    a.end();
    a.ellipse(290, 226, 94, 18, c.deep);
    a.ellipse(290, 229, 80, 12, CHOC);
    a.hi_line("M220 254V398", 10);
    steam(a, 268, 190);
}

fn teapot(a: &mut Art) {
    let c = a.c;
    a.ground(300, 440, 170);
    a.line("M404 284C470 270 478 384 398 398", c.deep, 20);
    a.path(
        "M196 318C160 310 146 268 118 246L104 258C128 292 136 360 206 384Z",
        c.main,
    );
    let body = "M184 330C184 252 238 228 300 228C362 228 416 252 416 330C416 398 370 440 300 440C230 440 184 398 184 330Z";
    a.path(body, c.main);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    a.rect(170, 322, 260, 32, 0, c.trim);
    if a.rng.chance() {
        let mut d = String::new();
        for i in 0..6 {
            let _ = write!(d, "M{} 338a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z", 220 + i * 30);
        }
        a.path(&d, c.light);
    }
    a.shade("M350 228C400 250 420 300 414 350C400 420 350 440 300 440C360 410 380 340 350 228Z");
    a.end();
    a.path("M236 236Q300 176 364 236Z", c.deep);
    a.rect(228, 228, 144, 14, 7, c.deep);
    a.circle(300, 190, 15, c.trim);
    a.hi_line("M214 300Q216 268 246 252", 10);
    steam(a, 120, 222);
}

fn jar(a: &mut Art) {
    let c = a.c;
    a.ground(300, 452, 135);
    a.path(
        "M214 222H386Q412 222 412 250V420Q412 452 380 452H220Q188 452 188 420V250Q188 222 214 222Z",
        GLASS,
    );
    a.path(
        "M198 282Q300 266 402 282V420Q402 444 378 444H222Q198 444 198 420Z",
        c.main,
    );
    a.shade("M360 276L402 282V420Q402 444 378 444H350Q368 420 368 380Z");
    a.rect(228, 318, 144, 82, 12, c.light);
    let _ = write!(
        a.s,
        r#"<rect x="238" y="328" width="124" height="62" rx="8" fill="none" stroke="{}" stroke-width="3"/>"#,
        c.trim
    );
    a.circle(300, 359, 15, c.trim);
    a.leaf(300, 344, -60, 22, c.third);
    a.rect(206, 166, 188, 58, 10, c.trim);
    a.line_o("M216 184H384M216 198H384M216 212H384", BLACK, 3, 0.15);
    if a.rng.chance() {
        a.path(
            "M196 176Q300 150 404 176L414 214Q404 236 392 214Q380 236 368 214Q356 236 344 214Q332 236 320 214Q308 236 296 214Q284 236 272 214Q260 236 248 214Q236 236 224 214Q212 236 200 214L186 214Z",
            c.third,
        );
    }
    a.hi_line("M206 262V416", 10);
}

fn bottle(a: &mut Art) {
    let c = a.c;
    a.ground(300, 456, 100);
    let body = "M270 118H330V196C330 226 372 238 372 280V434Q372 456 350 456H250Q228 456 228 434V280C228 238 270 226 270 196Z";
    a.path(body, c.main);
    a.shade("M330 196C330 226 372 238 372 280V434Q372 456 350 456H336Q346 440 346 400V280C346 250 330 230 330 196Z");
    a.rect(238, 300, 124, 104, 10, c.light);
    a.rect(238, 372, 124, 14, 0, c.trim);
    a.circle(300, 340, 16, c.trim);
    a.rect(264, 96, 72, 52, 8, c.trim);
    a.shade("M264 134H336V148H264Z");
    a.hi_line("M248 284V292M248 420V424M278 150V196", 10);
}

fn coffee(a: &mut Art) {
    let c = a.c;
    a.ground(300, 454, 125);
    a.path("M212 220H388L364 454H236Z", c.light);
    a.shade("M350 220H388L364 454H340Z");
    a.path("M220 296H380L371 384H229Z", c.main);
    a.circle(300, 340, 22, c.trim);
    a.rect(196, 196, 208, 30, 12, c.deep);
    a.path(
        "M214 198L228 168Q232 160 242 160H358Q368 160 372 168L386 198Z",
        c.main,
    );
    a.rect(282, 166, 36, 10, 5, c.deep);
    for (x, y, r) in [(442, 436, -30), (478, 448, 20)] {
        let _ = write!(
            a.s,
            r#"<g transform="translate({x} {y}) rotate({r})"><ellipse rx="22" ry="15" fill="{CHOC}"/><path d="M-16 0Q0 -8 16 0" fill="none" stroke="{BISCUIT}" stroke-width="3"/></g>"#
        );
    }
    steam(a, 276, 138);
    a.hi_line("M228 238L246 420", 8);
}

fn tea(a: &mut Art) {
    let c = a.c;
    a.ground(300, 450, 175);
    a.ellipse(300, 432, 162, 30, c.deep);
    a.ellipse(300, 424, 156, 26, c.main);
    a.line("M410 316C456 312 456 374 398 382", c.main, 16);
    let body = "M178 296H422C422 378 378 426 300 426C222 426 178 378 178 296Z";
    a.path(body, c.light);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    a.rect(170, 330, 260, 24, 0, c.trim);
    a.shade("M380 296H426V430H300C360 410 384 360 380 296Z");
    a.end();
    a.ellipse(300, 296, 122, 24, c.main);
    a.ellipse(300, 298, 110, 17, TEA);
    a.line("M252 298Q206 286 196 302L212 344", c.ink, 3);
    a.rect(192, 342, 40, 48, 5, c.trim);
    a.leaf(140, 440, -150, 56, c.third);
    steam(a, 276, 262);
}

fn candy(a: &mut Art) {
    let c = a.c;
    a.ground(300, 432, 175);
    a.path("M216 300L132 234Q112 250 118 300Q112 350 132 366Z", c.trim);
    a.path("M384 300L468 234Q488 250 482 300Q488 350 468 366Z", c.trim);
    a.line_o(
        "M214 300L126 270M214 300L126 330M386 300L474 270M386 300L474 330",
        BLACK,
        3,
        0.15,
    );
    a.ellipse(212, 300, 14, 24, c.deep);
    a.ellipse(388, 300, 14, 24, c.deep);
    let body = r#"<ellipse cx="300" cy="300" rx="98" ry="84"/>"#;
    a.ellipse(300, 300, 98, 84, c.main);
    a.clip(body);
    let mut d = String::new();
    for i in 0..5 {
        let x = 150 + i * 60;
        let _ = write!(d, "M{x} 400L{} 200h26L{} 400Z", x + 60, x + 26);
    }
    a.path_o(&d, c.light, 0.85);
    a.shade("M300 386A98 84 0 0 0 398 300Q380 370 300 386Z");
    a.end();
    a.hi_line("M240 260Q256 236 282 230", 10);
}

fn cookie(a: &mut Art) {
    let c = a.c;
    a.ground(300, 444, 185);
    a.circle(376, 272, 104, BISCUIT);
    a.ring(376, 272, 100, 100, BISCUIT_EDGE, 7);
    for (x, y, r) in [
        (350, 220, 11),
        (410, 236, 9),
        (430, 300, 12),
        (392, 300, 8),
        (420, 344, 9),
        (444, 250, 7),
    ] {
        a.circle(x, y, r, CHOC);
    }
    a.circle(262, 332, 124, BISCUIT);
    a.ring(262, 332, 120, 120, BISCUIT_EDGE, 8);
    let mut d = String::from("M362 332");
    for k in 1..=24 {
        let t = f64::from(k) * 2.0 * PI / 24.0;
        let r = if k % 2 == 0 { 100.0 } else { 92.0 };
        let _ = write!(d, "L{:.0} {:.0}", 262.0 + r * t.cos(), 332.0 + r * t.sin());
    }
    d.push('Z');
    a.path(&d, c.main);
    let colors = [c.trim, c.light, c.third];
    for i in 0..14 {
        let x = a.rng.range(200, 320);
        let y = a.rng.range(272, 392);
        let rot = a.rng.range(0, 179);
        let col = colors[i % 3];
        let _ = write!(
            a.s,
            r#"<rect x="{}" y="{}" width="18" height="6" rx="3" fill="{col}" transform="rotate({rot} {x} {y})"/>"#,
            x - 9,
            y - 3
        );
    }
    a.hi_line("M196 296Q210 260 244 248", 10);
}

fn soap(a: &mut Art) {
    let c = a.c;
    a.ground(300, 426, 175);
    a.path(
        "M150 320V374Q150 414 190 414H410Q450 414 450 374V320Z",
        c.deep,
    );
    a.rect(150, 240, 300, 132, 44, c.main);
    a.path_o(
        "M232 278H368Q398 278 398 306Q398 334 368 334H232Q202 334 202 306Q202 278 232 278Z",
        BLACK,
        0.1,
    );
    a.path_o(
        "M232 284H368Q392 284 392 308Q392 330 368 330H232Q208 330 208 308Q208 284 232 284Z",
        c.light,
        0.35,
    );
    a.hi_line("M184 262H300", 8);
    a.bubble(190, 206, 24);
    a.bubble(228, 168, 14);
    a.bubble(404, 208, 18);
    a.bubble(438, 172, 10);
    a.bubble(462, 396, 14);
}

fn cream(a: &mut Art) {
    let c = a.c;
    a.ground(296, 452, 180);
    // tube standing on its cap, behind the jar
    a.path("M374 130H458L446 396H386Z", c.trim);
    a.rect(366, 118, 100, 20, 4, c.deep);
    a.rect(394, 394, 44, 54, 8, c.deep);
    a.shade("M430 130H458L446 396H424Z");
    // jar
    a.path(
        "M160 322H380V420Q380 452 348 452H192Q160 452 160 420Z",
        c.light,
    );
    a.rect(160, 366, 220, 40, 0, c.trim);
    a.shade("M340 322H380V420Q380 452 348 452H330Q340 440 340 410Z");
    a.rect(150, 258, 240, 68, 16, c.main);
    a.line_o("M166 286H374M166 300H374", BLACK, 3, 0.12);
    a.hi_line("M172 272H300", 6);
}

fn perfume(a: &mut Art) {
    let c = a.c;
    a.ground(300, 458, 130);
    a.rect(190, 246, 220, 212, 38, c.main);
    a.path_o(
        "M232 262H368Q394 262 394 288V416Q394 442 368 442H232Q206 442 206 416V288Q206 262 232 262Z",
        WHITE,
        0.18,
    );
    a.shade(
        "M362 246H372Q410 246 410 284V420Q410 458 372 458H362Q390 430 390 380V320Q390 270 362 246Z",
    );
    a.rect(272, 220, 56, 32, 4, c.metal);
    a.path("M250 128H350L368 174L350 222H250L232 174Z", c.trim);
    a.hi("M250 128H350L368 174H232Z");
    a.hi_line("M222 290V410", 10);
    a.sparkle(378, 300, 18, WHITE);
}

fn necklace(a: &mut Art) {
    let c = a.c;
    a.ground(300, 472, 100);
    a.line("M150 120A150 232 0 0 0 450 120", c.metal, 4);
    let n = 24;
    let mut big = String::new();
    let mut small = String::new();
    for i in 1..n {
        let t = PI * f64::from(i) / f64::from(n);
        let x = 300.0 - 150.0 * t.cos();
        let y = 120.0 + 232.0 * t.sin();
        let (buf, r) = if i % 2 == 0 {
            (&mut big, 9.0)
        } else {
            (&mut small, 6.0)
        };
        let _ = write!(
            buf,
            "M{:.0} {:.0}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
            x - r,
            y,
            2.0 * r,
            2.0 * r
        );
    }
    a.path(&big, c.main);
    a.path(&small, c.trim);
    a.circle(150, 120, 7, c.metal);
    a.circle(450, 120, 7, c.metal);
    a.ring(300, 364, 9, 9, c.metal, 5);
    a.path(
        "M300 372C346 414 342 462 300 462C258 462 254 414 300 372Z",
        c.main,
    );
    a.shade("M300 372C346 414 342 462 300 462C326 440 326 410 300 372Z");
    a.hi_line("M286 420Q284 404 296 392", 6);
}

fn ring(a: &mut Art) {
    let c = a.c;
    a.ground(300, 462, 125);
    a.ring(300, 350, 104, 100, c.metal, 26);
    a.line_o("M214 330A86 86 0 0 1 246 272", WHITE, 6, 0.5);
    a.shade("M300 438A88 88 0 0 0 388 350H404A104 104 0 0 1 300 450Z");
    a.path("M268 244H332L322 270H278Z", c.metal);
    a.path("M256 194H344L370 226H230Z", c.main);
    a.hi("M256 194H344L370 226H230Z");
    a.path("M230 226H370L300 296Z", c.main);
    a.line_o(
        "M282 194L268 226L300 296L332 226L318 194M230 226H370",
        WHITE,
        3,
        0.45,
    );
    a.sparkle(350, 186, 16, WHITE);
}

fn earrings(a: &mut Art) {
    let c = a.c;
    a.ground(300, 440, 160);
    for (x, dy) in [(226, 0), (374, 12)] {
        let hook = format!("M{x} {}V{}a22 22 0 1 0 -30 -20", 206 + dy, 156 + dy);
        a.line(&hook, c.metal, 5);
        a.circle(x, 212 + dy, 11, c.metal);
        let gem = format!(
            "M{x} {}C{} {} {} {} {x} {}C{} {} {} {} {x} {}Z",
            226 + dy,
            x + 52,
            290 + dy,
            x + 48,
            352 + dy,
            352 + dy,
            x - 48,
            352 + dy,
            x - 52,
            290 + dy,
            226 + dy
        );
        a.path(&gem, c.main);
        a.circle(x, 312 + dy, 20, c.trim);
        let shine = format!(
            "M{} {}Q{} {} {} {}",
            x - 26,
            320 + dy,
            x - 26,
            290 + dy,
            x - 10,
            268 + dy
        );
        a.hi_line(&shine, 6);
    }
}

fn phonecase(a: &mut Art) {
    let c = a.c;
    a.ground(306, 474, 115);
    a.group("rotate(-8 300 300)");
    a.rect(392, 180, 8, 44, 3, c.deep);
    let body =
        "M248 108H352Q392 108 392 148V432Q392 472 352 472H248Q208 472 208 432V148Q208 108 248 108Z";
    a.path(body, c.main);
    a.clip(&format!(r#"<path d="{body}"/>"#));
    match a.rng.below(3) {
        0 => {
            a.circle(300, 372, 64, c.trim);
            a.circle(300, 372, 30, c.light);
        }
        1 => {
            let mut d = String::new();
            for i in 0..5 {
                let y = 250 + i * 42;
                let _ = write!(d, "M200 {y}Q250 {} 300 {y}T400 {y}", y - 22);
            }
            a.line(&d, c.trim, 10);
        }
        _ => a.path("M208 300L392 220V330L208 410Z", c.trim),
    }
    a.shade("M360 108H392V472H360Z");
    a.end();
    a.rect(226, 126, 80, 80, 22, c.deep);
    a.circle(250, 150, 14, c.ink);
    a.circle(250, 182, 14, c.ink);
    a.circle(282, 166, 7, c.light);
    a.circle(246, 146, 4, WHITE);
    a.circle(246, 178, 4, WHITE);
    a.end();
}

fn cable(a: &mut Art) {
    let c = a.c;
    a.ground(300, 462, 175);
    a.ring(300, 262, 120, 92, c.deep, 14);
    a.ring(290, 252, 110, 86, c.main, 14);
    a.ring(312, 272, 116, 90, c.main, 14);
    a.line("M200 320C176 360 184 380 176 400", c.main, 14);
    a.line("M404 316C444 350 430 390 440 402", c.main, 14);
    for x in [176, 440] {
        a.rect(x - 24, 396, 48, 44, 10, c.deep);
        a.rect(x - 15, 438, 30, 22, 3, c.metal);
        a.rect(x - 24, 396, 48, 10, 5, c.trim);
    }
    a.hi_line("M196 230Q214 190 262 176", 5);
}

fn headphones(a: &mut Art) {
    let c = a.c;
    a.ground(300, 456, 160);
    a.line("M176 312V290A124 124 0 0 1 424 290V312", c.main, 26);
    a.line_o("M186 270A114 114 0 0 1 414 270", c.deep, 8, 0.6);
    a.rect(164, 280, 24, 36, 6, c.metal);
    a.rect(412, 280, 24, 36, 6, c.metal);
    a.rect(198, 310, 36, 112, 16, c.deep);
    a.rect(366, 310, 36, 112, 16, c.deep);
    a.rect(140, 300, 76, 132, 34, c.main);
    a.rect(384, 300, 76, 132, 34, c.main);
    a.circle(178, 366, 18, c.trim);
    a.circle(422, 366, 18, c.trim);
    a.hi_line("M154 330V380", 8);
    a.hi_line("M226 186Q260 166 300 166", 8);
}

fn doll(a: &mut Art) {
    let c = a.c;
    a.ground(300, 460, 125);
    a.path(
        "M300 140C358 140 384 190 376 242C370 284 420 330 420 392C420 440 376 460 300 460C224 460 180 440 180 392C180 330 230 284 224 242C216 190 242 140 300 140Z",
        c.main,
    );
    a.shade("M340 150C378 180 382 220 376 242C370 284 420 330 420 392C420 440 376 460 300 460C380 420 380 320 340 260Z");
    a.ellipse(300, 234, 60, 58, c.deep);
    a.ellipse(300, 236, 52, 50, SKIN);
    a.path(
        "M248 228Q252 184 300 184Q348 184 352 228Q330 206 300 210Q270 206 248 228Z",
        c.ink,
    );
    a.circle(281, 238, 6, c.ink);
    a.circle(319, 238, 6, c.ink);
    a.circle(270, 258, 10, BLUSH);
    a.circle(330, 258, 10, BLUSH);
    a.line("M290 266Q300 274 310 266", "#C44F4A", 4);
    a.ellipse(300, 378, 86, 70, c.light);
    a.leaf(292, 392, 150, 40, c.third);
    a.leaf(308, 392, 30, 40, c.third);
    for k in 0..6 {
        let t = f64::from(k) * PI / 3.0;
        let x = 300 + (26.0 * t.cos()).round() as i32;
        let y = 364 + (26.0 * t.sin()).round() as i32;
        a.circle(x, y, 16, c.trim);
    }
    a.circle(300, 364, 13, c.main);
    a.hi_line("M226 330Q214 360 214 392", 8);
}

fn car(a: &mut Art) {
    let c = a.c;
    a.ground(302, 440, 195);
    a.path(
        "M118 386V346Q118 322 142 318L212 306L258 252Q268 240 286 240H384Q402 240 414 254L452 306L470 310Q486 316 486 340V386Q486 398 474 398H130Q118 398 118 386Z",
        c.main,
    );
    a.shade("M118 370H486V386Q486 398 474 398H130Q118 398 118 386Z");
    a.path("M272 260H326V306H234Z", GLASS);
    a.path("M342 260H384Q394 260 398 266L428 306H342Z", GLASS);
    a.hi("M282 260H300L262 306H246Z");
    a.line_o("M334 256V390M254 328H298", c.deep, 4, 0.7);
    a.rect(118, 344, 368, 12, 0, c.trim);
    a.rect(464, 324, 22, 16, 6, FLAME_CORE);
    a.rect(118, 326, 14, 18, 5, c.trim);
    for x in [204, 402] {
        a.circle(x, 398, 46, c.ink);
        a.circle(x, 398, 22, c.metal);
        a.circle(x, 398, 7, c.deep);
    }
    a.hi_line("M150 330H210", 6);
}

fn teddy(a: &mut Art) {
    let c = a.c;
    a.ground(300, 470, 155);
    for x in [226, 374] {
        a.circle(x, 164, 38, c.main);
        a.circle(x, 164, 20, c.light);
    }
    a.ellipse(300, 372, 98, 88, c.main);
    a.ellipse(300, 386, 56, 50, c.light);
    let m = c.main;
    for (x, r) in [(206, 28), (394, -28)] {
        let _ = write!(
            a.s,
            r#"<ellipse cx="{x}" cy="352" rx="32" ry="54" fill="{m}" transform="rotate({r} {x} 352)"/>"#
        );
    }
    for x in [236, 364] {
        a.circle(x, 438, 40, c.main);
        a.circle(x, 442, 22, c.light);
    }
    a.circle(300, 228, 88, c.main);
    a.shade("M340 150A88 88 0 0 1 300 316Q370 280 340 150Z");
    a.ellipse(300, 262, 40, 32, c.light);
    a.ellipse(300, 248, 14, 10, c.ink);
    a.line("M300 256V270M288 276Q300 284 312 276", c.ink, 4);
    a.circle(266, 214, 9, c.ink);
    a.circle(334, 214, 9, c.ink);
    a.circle(263, 211, 3, WHITE);
    a.circle(331, 211, 3, WHITE);
    a.path("M300 316L262 296V336ZM300 316L338 296V336Z", c.trim);
    a.circle(300, 316, 10, c.trim);
}

fn piece_path(x: f64, y: f64, s: f64, tabs: [i8; 4]) -> String {
    // Edges run clockwise: top, right, bottom, left. A positive tab bulges out.
    let corners = [(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)];
    let dirs = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)];
    let r = s * 0.15;
    let mut d = format!("M{x:.0} {y:.0}");
    for (i, (&(dx, dy), &t)) in dirs.iter().zip(tabs.iter()).enumerate() {
        let (cx, cy) = corners[i];
        if t != 0 {
            let sweep = i32::from(t > 0);
            let _ = write!(
                d,
                "L{:.0} {:.0}A{r:.0} {r:.0} 0 1 {sweep} {:.0} {:.0}",
                cx + dx * s * 0.39,
                cy + dy * s * 0.39,
                cx + dx * s * 0.61,
                cy + dy * s * 0.61
            );
        }
        let (ex, ey) = corners[i + 1];
        let _ = write!(d, "L{ex:.0} {ey:.0}");
    }
    d.push('Z');
    d
}

fn puzzle(a: &mut Art) {
    let c = a.c;
    a.ground(290, 464, 165);
    let s = 130.0;
    let pieces: [(f64, f64, [i8; 4], &str); 4] = [
        (150.0, 200.0, [0, 1, -1, 0], c.main),
        (150.0, 330.0, [1, -1, 0, 0], c.trim),
        (280.0, 330.0, [-1, 0, 0, 1], c.deep),
        (280.0, 200.0, [0, 0, 1, -1], c.third),
    ];
    for (i, (x, y, tabs, fill)) in pieces.into_iter().enumerate() {
        let d = piece_path(x, y, s, tabs);
        if i == 3 {
            // The last piece floats above its slot.
            a.group("translate(62 -62) rotate(14 345 265)");
            a.group("translate(10 14)");
            a.path_o(&d, BLACK, 0.12);
            a.end();
            a.path(&d, fill);
            a.hi_line("M296 214H392", 6);
            a.end();
        } else {
            a.path(&d, fill);
        }
    }
    a.hi_line("M166 214H258", 6);
}

fn notebook(a: &mut Art) {
    let c = a.c;
    a.ground(310, 462, 160);
    a.rect(196, 138, 236, 324, 16, c.light);
    a.line_o("M420 150V450", BLACK, 2, 0.12);
    a.rect(184, 130, 236, 324, 16, c.main);
    a.shade("M184 420H420V438Q420 454 404 454H200Q184 454 184 438Z");
    a.rect(376, 130, 14, 324, 0, c.trim);
    a.rect(226, 184, 120, 56, 8, c.light);
    a.line_o("M244 204H328M244 220H300", c.deep, 4, 0.35);
    let mut d = String::new();
    for i in 0..10 {
        let y = 150 + i * 30;
        let _ = write!(d, "M196 {y}h-18a8 8 0 0 0 0 16h18");
    }
    a.line(&d, c.metal, 5);
}

fn pen(a: &mut Art) {
    let c = a.c;
    a.ground(300, 448, 150);
    a.group("rotate(-38 300 300)");
    a.path("M94 300L150 280H180V320H150Z", c.metal);
    a.line("M104 300H148", c.ink, 2);
    a.rect(176, 280, 40, 40, 4, c.ink);
    a.rect(212, 276, 224, 48, 10, c.main);
    a.rect(330, 276, 16, 48, 0, c.trim);
    a.path("M430 276H470Q504 276 504 300Q504 324 470 324H430Z", c.deep);
    a.rect(380, 262, 106, 10, 5, c.metal);
    a.rect(476, 262, 12, 22, 4, c.metal);
    a.hi_line("M226 288H320", 7);
    a.end();
}

fn candle(a: &mut Art) {
    let c = a.c;
    a.ground(300, 454, 125);
    a.glow(300, 190, 110);
    a.rect(212, 240, 176, 214, 16, c.main);
    if a.rng.chance() {
        a.rect(212, 348, 176, 54, 0, c.trim);
    }
    a.shade("M350 240H372Q388 240 388 256V438Q388 454 372 454H350Z");
    a.path(
        "M228 236H372Q388 236 388 252V290Q378 304 370 290V266Q362 326 350 266Q340 282 330 266H282Q272 310 262 266H246Q236 286 228 266Q212 280 212 266V252Q212 236 228 236Z",
        c.light,
    );
    a.line("M300 238V212", c.ink, 4);
    a.path(
        "M300 148C324 180 332 200 314 216Q300 224 286 216C268 200 276 180 300 148Z",
        FLAME,
    );
    a.path(
        "M300 180C310 196 312 206 305 213Q300 216 295 213C288 206 290 196 300 180Z",
        FLAME_CORE,
    );
    a.hi_line("M230 310V430", 8);
}

fn lamp(a: &mut Art) {
    let c = a.c;
    a.ground(300, 456, 125);
    a.clips += 1;
    let n = format!("{}l{}", a.id, a.clips);
    let _ = write!(
        a.s,
        r#"<defs><linearGradient id="{n}" x2="0" y2="1"><stop offset="0" stop-color="{FLAME_CORE}" stop-opacity=".9"/><stop offset="1" stop-color="{FLAME_CORE}" stop-opacity="0"/></linearGradient></defs><path d="M190 298H410L470 456H130Z" fill="url(#{n})"/>"#
    );
    a.rect(292, 292, 16, 130, 6, c.metal);
    a.path("M232 452Q232 408 300 408Q368 408 368 452Z", c.deep);
    a.rect(222, 444, 156, 14, 7, c.deep);
    a.line("M352 298V350", c.ink, 2);
    a.circle(352, 354, 6, c.metal);
    a.ellipse(300, 298, 116, 14, FLAME_CORE);
    a.path("M226 136H374L416 296H184Z", c.main);
    if a.rng.chance() {
        let mut d = String::new();
        for i in 1..6 {
            let top = 226 + i * 25;
            let bot = 184 + i * 39;
            let _ = write!(d, "M{top} 140L{bot} 292");
        }
        a.line_o(&d, c.deep, 3, 0.35);
    }
    a.shade("M340 136H374L416 296H368Z");
    a.path("M226 136H374L378 152H222Z", c.trim);
    a.path("M188 280H412L416 296H184Z", c.trim);
}

fn gift_box(a: &mut Art) {
    let c = a.c;
    a.ground(300, 456, 155);
    a.rect(190, 262, 220, 194, 8, c.main);
    a.shade("M360 262H410V448Q410 456 402 456H360Z");
    a.shade("M190 278H410V292H190Z");
    if a.rng.chance() {
        a.rect(190, 348, 220, 28, 0, c.trim);
    }
    a.rect(176, 226, 248, 54, 8, c.main);
    a.hi("M184 226H416Q424 226 424 234V244H176V234Q176 226 184 226Z");
    a.rect(284, 226, 32, 230, 0, c.trim);
    a.path(
        "M300 226C268 168 212 176 226 214C234 234 270 234 300 226Z",
        c.trim,
    );
    a.path(
        "M300 226C332 168 388 176 374 214C366 234 330 234 300 226Z",
        c.trim,
    );
    a.shade("M300 226C276 190 240 188 244 208C250 222 276 226 300 226ZM300 226C324 190 360 188 356 208C350 222 324 226 300 226Z");
    a.ellipse(300, 224, 18, 15, c.trim);
    a.shade("M300 224m-18 0a18 15 0 0 0 36 0Z");
}

fn ornament(a: &mut Art) {
    let c = a.c;
    a.ground(300, 468, 105);
    a.line_o("M300 40V126", c.ink, 3, 0.5);
    a.ring(300, 134, 12, 12, c.metal, 5);
    a.rect(274, 146, 52, 36, 6, c.metal);
    a.line_o("M286 152V176M300 152V176M314 152V176", BLACK, 3, 0.15);
    a.circle(300, 316, 140, c.main);
    a.clip(r#"<circle cx="300" cy="316" r="140"/>"#);
    let mut d = String::from("M150 300");
    for i in 0..10 {
        let x = 150 + i * 30;
        let _ = write!(d, "L{} {}L{} 300", x + 15, 278, x + 30);
    }
    d.push_str("V334");
    for i in 0..10 {
        let x = 450 - i * 30;
        let _ = write!(d, "L{} 356L{} 334", x - 15, x - 30);
    }
    d.push('Z');
    a.path(&d, c.trim);
    let mut dots = String::new();
    for i in 0..7 {
        let x = 182 + i * 40;
        let _ = write!(
            dots,
            "M{x} 396a8 8 0 1 0 16 0a8 8 0 1 0 -16 0ZM{x} 236a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z"
        );
    }
    a.path(&dots, c.light);
    a.shade("M360 180A140 140 0 0 1 300 456Q420 400 360 180Z");
    a.end();
    a.hi_line("M206 262Q218 214 262 196", 16);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_safe(svg: &str, what: &str) {
        assert!(svg.starts_with("<svg"), "{what}: bad start");
        assert!(svg.ends_with("</svg>"), "{what}: bad end");
        assert!(svg.contains(r#"viewBox="0 0 600 600""#), "{what}: viewBox");
        assert!(svg.contains(r#"width="600" height="600""#), "{what}: size");
        assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        for bad in [
            "<script",
            "<text",
            " on",
            "foreignObject",
            "href",
            "<image",
            "javascript:",
        ] {
            assert!(!svg.contains(bad), "{what}: contains {bad:?}");
        }
        assert!(svg.len() < 8 * 1024, "{what}: {} bytes", svg.len());
    }

    #[test]
    fn every_motif_renders_safely() {
        for motif in MOTIFS {
            for palette in 0..8u8 {
                for variant in [0, 1, 2, 7, 42, 1234, u32::MAX] {
                    let svg = product_svg(motif, palette, variant);
                    check_safe(&svg, &format!("{motif}/{palette}/{variant}"));
                }
            }
        }
    }

    #[test]
    fn deterministic() {
        for motif in MOTIFS {
            assert_eq!(product_svg(motif, 3, 99), product_svg(motif, 3, 99));
        }
    }

    #[test]
    fn palette_wraps() {
        assert_eq!(product_svg("vase", 9, 5), product_svg("vase", 1, 5));
        assert_eq!(product_svg("cup", 255, 5), product_svg("cup", 7, 5));
    }

    #[test]
    fn variants_differ() {
        for motif in MOTIFS {
            let a = product_svg(motif, 2, 1);
            let b = product_svg(motif, 2, 2);
            assert_ne!(a, b, "{motif}");
            // Differences must be visible, not only in element ids.
            let distinct = (0..8u32)
                .map(|v| render(motif, 2, seed_for(motif, 2, v), "x"))
                .collect::<std::collections::HashSet<_>>();
            assert!(distinct.len() > 1, "{motif}");
        }
    }

    #[test]
    fn unknown_motif_draws_gift_box() {
        let svg = product_svg("spaceship", 4, 3);
        check_safe(&svg, "unknown");
        assert_eq!(render("spaceship", 4, 77, "x"), render("box", 4, 77, "x"),);
    }

    #[test]
    fn motifs_are_unique() {
        let set: std::collections::HashSet<_> = MOTIFS.iter().collect();
        assert_eq!(set.len(), MOTIFS.len());
    }
}
