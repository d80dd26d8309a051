//! Lists cut into pages, so that no page grows with the catalogue: the
//! full list, term pages (platform, institution, subject) and the static
//! lists (by language, by level, open now, featured) show `paginate_by`
//! MOOCs a page (`vitrine.toml`, 60 by default). Page 1 is at the list's
//! own URL (`platforms/x/`), page `n` after it at `platforms/x/page/n/`;
//! each page links to the others with `rel="prev"` / `rel="next"` (plain
//! links: the lists work without JavaScript).
//!
//! A kind with paginated lists names its pages `<list>` for page 1 and
//! `<list>/<n>` after ([`names`]), and finds the list and page of its
//! `i`-th page with [`locate`].

use serde_json::{json, Value};

use crate::i18n::Lang;

/// Pages of a list of `len` items, `per` a page: at least one (an empty
/// list has its page, which says so).
pub fn count(len: usize, per: usize) -> usize {
    len.div_ceil(per.max(1)).max(1)
}

/// Site path of page `n` (from 1) of the list at `base` (`platforms/x/`).
pub fn path(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// The name of page `n` of the list named `list`, among a kind's pages.
pub fn name(list: &str, n: usize) -> String {
    match (n, list.is_empty()) {
        (0 | 1, _) => list.to_string(),
        (_, true) => n.to_string(),
        (_, false) => format!("{list}/{n}"),
    }
}

/// Whether the page named `page` ([`name`]) is one of the list `list`.
pub fn in_list(page: &str, list: &str) -> bool {
    let number = if list.is_empty() { Some(page) } else { page.strip_prefix(list).and_then(|r| r.strip_prefix('/')) };
    page == list || number.is_some_and(|n| n.parse::<usize>().is_ok())
}

/// The names of the pages of lists `(name, length)`, list after list.
pub fn names<'a>(lists: impl IntoIterator<Item = (&'a str, usize)>, per: usize) -> Vec<String> {
    lists.into_iter().flat_map(|(list, len)| (1..=count(len, per)).map(move |n| name(list, n))).collect()
}

/// Which list (its position among `lens`) and which page of it (from 1) is
/// the `i`-th page of [`names`]; `None` past the last page.
pub fn locate(lens: impl IntoIterator<Item = usize>, per: usize, mut i: usize) -> Option<(usize, usize)> {
    for (list, len) in lens.into_iter().enumerate() {
        let pages = count(len, per);
        if i < pages {
            return Some((list, i + 1));
        }
        i -= pages;
    }
    None
}

/// The position in its list (from 1) of the first item of page `n`.
pub fn first(n: usize, per: usize) -> usize {
    (n.max(1) - 1).saturating_mul(per.max(1)) + 1
}

/// The items of page `n` (from 1).
pub fn slice<T>(items: &[T], n: usize, per: usize) -> &[T] {
    let per = per.max(1);
    let start = (n.max(1) - 1).saturating_mul(per).min(items.len());
    &items[start..(start + per).min(items.len())]
}

/// `{current, total, previous, next, pages: [{number, url, current}]}`
/// for page `current` of the `total` pages of the list at `base`, or
/// null when the list fits on one page: the first, the last and two
/// pages on each side of the current one, a gap for the others.
pub fn pagination(lang: &Lang, base: &str, current: usize, total: usize) -> Value {
    if total <= 1 {
        return Value::Null;
    }
    let url = |n: usize| lang.url(&path(base, n));
    let mut pages: Vec<Value> = Vec::new();
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(current) <= 2 {
            pages.push(json!({"number": n, "url": url(n), "current": n == current}));
        } else if pages.last().is_some_and(|p| p.get("gap").is_none()) {
            pages.push(json!({"gap": true}));
        }
    }
    json!({
        "current": current,
        "total": total,
        "previous": (current > 1).then(|| url(current - 1)),
        "next": (current < total).then(|| url(current + 1)),
        "pages": pages,
    })
}

/// The heading of page `n` of `total`: the list's own on page 1, then
/// "<heading>, page n of total" (the string `search.page_title`).
pub fn heading(lang: &Lang, heading: &str, n: usize, total: usize) -> String {
    if n <= 1 {
        return heading.to_string();
    }
    lang.label("search", "page_title")
        .replace("{title}", heading)
        .replace("{current}", &n.to_string())
        .replace("{total}", &total.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_located_and_sliced() {
        assert_eq!(count(0, 60), 1);
        assert_eq!(count(60, 60), 1);
        assert_eq!(count(61, 60), 2);
        assert_eq!(path("platforms/x/", 1), "platforms/x/");
        assert_eq!(path("platforms/x/", 3), "platforms/x/page/3/");
        let lists = [("a", 3), ("b", 0), ("c", 5)];
        assert_eq!(names(lists, 2), ["a", "a/2", "b", "c", "c/2", "c/3"]);
        assert_eq!(names([("", 5)], 2), ["", "2", "3"]);
        let lens = || lists.iter().map(|l| l.1);
        assert_eq!(locate(lens(), 2, 0), Some((0, 1)));
        assert_eq!(locate(lens(), 2, 1), Some((0, 2)));
        assert_eq!(locate(lens(), 2, 2), Some((1, 1)));
        assert_eq!(locate(lens(), 2, 5), Some((2, 3)));
        assert_eq!(locate(lens(), 2, 6), None);
        assert_eq!(slice(&[1, 2, 3, 4, 5], 3, 2), &[5]);
        assert_eq!(slice(&[1, 2, 3], 9, 2), &[] as &[i32]);
        assert_eq!((first(1, 60), first(3, 60)), (1, 121));
    }

    #[test]
    fn tells_the_pages_of_a_list() {
        let pages = names([("a", 5), ("ab", 3), ("a-2", 1)], 2);
        let of = |list: &str| pages.iter().filter(|p| in_list(p, list)).cloned().collect::<Vec<_>>();
        assert_eq!(of("a"), ["a", "a/2", "a/3"]);
        assert_eq!(of("ab"), ["ab", "ab/2"]);
        assert_eq!(of("a-2"), ["a-2"]);
        assert_eq!(names([("", 5)], 2).iter().filter(|p| in_list(p, "")).count(), 3);
    }
}
