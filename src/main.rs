fn main() {
    newsview::start();
}
