//! Prints a file's text after OCR clean-up, one paragraph per line with its kind (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let clean = newsgraph::text::normalize(&text);
    for p in &clean.paragraphs {
        println!("[{:?}{}] {}", p.kind, if p.break_after { " |" } else { "" }, clean.slice(p.start, p.end));
    }
}
