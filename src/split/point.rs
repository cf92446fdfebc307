//! The `split_point!` macro, in a module of its own that imports nothing, so that any module
//! (the data store's included) can declare a split point without importing the views.

/// Declares a split point: function `$item` (returning a `Result` whose error is Leptos's
/// `SplitLoaderError`, as a view's `Loaded` does) whose code, in the split build, is in module
/// `$module`, fetched by the generated `async fn $preload()` (Leptos's
/// `wasm_split`, failures returned rather than panicking). Other builds keep the plain function.
#[rustfmt::skip] // rustfmt re-indents an attribute in a macro body differently on each run.
macro_rules! split_point {
    ($module:ident, $preload:ident, $item:item) => {
        #[cfg_attr(marsad_split, leptos::wasm_split::wasm_split(
            $module, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload)
        ))]
        $item
    };
}
pub(crate) use split_point;
