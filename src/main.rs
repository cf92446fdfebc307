fn main() {
    marsad::start();
    leptos::mount::mount_to_body(marsad::App);
}
