//! Prints jieba's words and tags for a sentence, as newsgraph sets it up (a debugging aid).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let lex = newsgraph::lexicon::lexicon();
    for t in lex.jieba.tag(&text, true) {
        print!("{}/{} ", t.word, t.tag);
    }
    println!();
}
