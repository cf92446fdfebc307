fn main() {
    marsad::data::start();
    leptos::mount::mount_to_body(marsad::App);
}
