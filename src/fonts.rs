//! The bold face of the Arabic font, added once the first view is drawn.
//!
//! The stylesheet declares only the regular face of "Marsad Naskh" (`public/style.css`), so that
//! the first view downloads one font file; until then bold Arabic text is the browser's synthetic
//! bold of the regular face. [`add_bold`] fetches the bold face whole and only then adds it to the
//! document's fonts, so that bold text goes straight from synthetic to real bold, never through a
//! fallback font. Its address is the stylesheet's `--marsad-bold-font` (a `data:` URL in the
//! standalone file), and it covers the same characters as the regular face.

use crate::data::js_err as describe;
use crate::split::point::split_point;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The family the stylesheet names for Arabic text.
const FAMILY: &str = "Marsad Naskh";

/// Starts fetching the bold face; once it is in, bold Arabic text is drawn with it. If it cannot
/// be fetched, bold text stays synthetic and the console says why. The code that finds its
/// address and characters is in a module of its own in the release build (fetched first).
pub fn add_bold() {
    wasm_bindgen_futures::spawn_local(async {
        #[cfg(marsad_split)]
        let face = bold_face().await;
        #[cfg(not(marsad_split))]
        let face = bold_face();
        let added = match face {
            Ok(Ok((face, fonts))) => add(face, fonts).await,
            Ok(Err(e)) => Err(e),
            Err(e) => Err(format!("its code could not be fetched ({e:?})")),
        };
        if let Err(e) = added {
            let e = format!("the bold Arabic font is not loaded (bold text stays synthetic): {e}");
            web_sys::console::warn_1(&e.into());
        }
    });
}

/// Fetches `face` whole, then adds it to the document's `fonts`.
async fn add(face: web_sys::FontFace, fonts: web_sys::FontFaceSet) -> Result<(), String> {
    JsFuture::from(face.load().map_err(describe)?)
        .await
        .map_err(describe)?;
    fonts.add(&face).map_err(describe)?;
    Ok(())
}

/// The bold face (not yet loaded) and the document's fonts.
type BoldFace = Result<(web_sys::FontFace, web_sys::FontFaceSet), String>;

split_point!(
    fonts,
    preload_fonts,
    fn bold_face() -> Result<BoldFace, leptos::wasm_split::SplitLoaderError> {
        Ok(new_bold_face())
    }
);

fn new_bold_face() -> BoldFace {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let root = document.document_element().ok_or("no root element")?;
    let style = window.get_computed_style(&root).map_err(describe)?;
    let source = style.map(|s| s.get_property_value("--marsad-bold-font"));
    let source = match source {
        Some(Ok(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => return Err("the stylesheet names no --marsad-bold-font".into()),
    };
    let fonts = document.fonts();
    let range = regular_range(&fonts).ok_or("the stylesheet declares no regular face")?;
    let descriptors = web_sys::FontFaceDescriptors::new();
    descriptors.set_weight("700");
    descriptors.set_display("swap");
    descriptors.set_unicode_range(&range);
    let face = web_sys::FontFace::new_with_str_and_descriptors(FAMILY, &source, &descriptors)
        .map_err(describe)?;
    Ok((face, fonts))
}

/// The characters of the regular face that the stylesheet declares.
fn regular_range(fonts: &web_sys::FontFaceSet) -> Option<String> {
    let faces = js_sys::try_iter(fonts).ok()??;
    faces
        .filter_map(|f| f.ok()?.dyn_into::<web_sys::FontFace>().ok())
        .find(|f| f.family().trim_matches(['"', '\'']) == FAMILY)
        .map(|f| f.unicode_range())
}
