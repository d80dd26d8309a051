# vitrine's messages in English (Fluent syntax: https://projectfluent.org).
#
# Every id here is declared, with its arguments, in src/diagnostic/problems.rs,
# texts.rs or cli.rs, or src/scaffold/texts.rs; fr.ftl has the same ids with the same arguments
# (tests/messages.rs). Keys, values and paths stay as written: in `backticks`.

## Words around a problem

error_label = error
warning_label = warning
hint_label = hint:
did_you_mean = did you mean `{ $word }`?

## Files and their front matter

file_too_big = this file is { $size } MB: content files are read up to { $limit } MB
file_too_big_hint = a page this big is a mistake (a pasted image or export?): split it, or move the data to static/
file_large = this file is { $size } MB: its page will be as heavy and slow to open
file_large_hint = a page is usually a few kB: look for pasted images or tables, or split the text
link_outside_site = this file is a symbolic link to { $target }, outside the site folder: it is read, but is not part of the site
copy_into_content = copy the file into content/ so that the site holds everything it publishes
unreadable = cannot read this file: { $error }
open_in_editor = check that the file can be opened by your editor
unreadable_permission = cannot read this file: permission denied
give_read_access = give yourself read access (`chmod u+r` on the file), or move it out of content/
unreadable_dangling_link = this symbolic link points to a file that does not exist
fix_dangling_link = remove the link, or copy the file it should point to in its place
unreadable_folder_named_md = this is a folder with a `.md` name
rename_folder_without_md = rename the folder without `.md`
unreadable_link_loop = this symbolic link leads back to itself (a loop of links)
fix_link_loop = remove the link, or replace it with the file itself
folder_unreadable = cannot read this folder: { $error }
name_clash = `{ $slug }` and { $other } differ only by case or accents: on Windows and macOS they are one name, and their pages would overwrite each other
name_clash_hint = give the two a clearly different name (slugs use a-z, 0-9 and dashes)
not_utf8 = this file is not UTF-8 text: this byte is not a character in UTF-8
save_as_utf8 = save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)
nul_character = this file holds a NUL character (byte 0), which text never has
remove_nul = the file may be damaged or not a text file: remove the character, or save the file again as UTF-8 text
front_matter_yaml = front matter must be TOML between two `+++` lines, not YAML between `---` lines
front_matter_yaml_hint = replace both `---` lines with `+++` and write the keys as `key = "value"`
front_matter_missing = this file has no front matter: it must start with a `+++` line
front_matter_missing_hint = start the file with `+++`, the TOML keys (title = "…"), then another `+++` line
front_matter_unclosed = the front matter is never closed
front_matter_unclosed_hint = add a line with only `+++` after the last key
toml_syntax = { $part } is not valid TOML: { $detail }
this_file = this file
the_front_matter = the front matter
toml_duplicate_key = each key is written once: remove one of the two lines, or merge their values
toml_quotes = text values need straight double quotes: `title = "Mon MOOC"`; dates are written 2024-04-08
unknown_content_folder = `content/{ $name }/` is not a kind of content vitrine knows; it is ignored
content_folders_are = the folders are { $folders }
file_outside_folders = this file is not in a content folder; it is ignored
move_into_folder = move it to content/moocs/, content/pages/, … (only `_index.md` belongs at the top of content/)
not_markdown = only Markdown files (`.md`) are read here; this file is ignored
images_in_bundle = put images in a bundle folder next to its `index.md`, or in static/
bundle_without_index = this folder has no `index.md`, so it is not a bundle; it is ignored
bundle_is = a bundle is `{ $slug }/index.md` with its images beside it
windows_device_name = `{ $slug }` is a name Windows keeps for a device: the page's folder cannot exist there
rename_device_name = rename it, e.g. `{ $slug }-1` or a longer name
bad_file_slug = `{ $slug }` is not a valid slug (file names use a-z, 0-9 and single dashes)
rename_to = rename it to `{ $slug }`
rename_file_to = rename the file, e.g. `{ $file }`
add_file = add { $file }

## Keys and values

unknown_key = unknown key `{ $key }` in { $within }
keys_are = the keys of { $within } are: { $keys }
a_kind = { $kind ->
    [MOOC] a MOOC
    [parcours] a parcours
    [platform] a platform
    [institution] an institution
    [schedule] a schedule
    [subject] a subject
    [home] the home page (_index.md)
   *[page] a page
}
a_session = a session
section = [{ $name }]
section_file = { $name }
wrong_type = `{ $key }` must be { $expected }, not { $found }
wrong_item_type = items of `{ $key }` must be { $expected }, not { $found }
type_text = text in quotes
type_bool = true or false
type_integer = a whole number
type_number = a number
type_date = a date such as 2026-09-14
type_list = a list
type_list_example = a list such as ["a", "b"]
type_table = a table
type_tables = a list of tables
found_text = the text "{ $text }"
found_number = the number { $number }
found_bool = `{ $value }`
found_date = the date { $date }
found_list = a list
found_table = a table
write_text = write `{ $key } = "…"`
write_value = write `{ $key } = { $value }`
remove_quotes = remove the quotes: `{ $key } = { $value }`
remove_quotes_decimal = remove the quotes and use a dot for decimals: `{ $key } = { $value }`
put_in_brackets = put it in brackets: `{ $key } = ["{ $value }"]`
write_section = write a `[{ $key }]` section
write_sections = write `[[{ $key }]]` sections
missing_key = required key `{ $key }` is missing
add_line = add a line `{ $key } = { $example }`
for_example = e.g. `{ $line }`
empty_value = `{ $key }` must not be empty
empty_list = `{ $key }` must name at least one { $kind ->
    [MOOC] MOOC
    [institution] institution
   *[language] language
}
list_slugs = list the slugs of its { $kind ->
    [MOOC] MOOCs
   *[institution] institutions
}, e.g. `{ $key } = ["…"]`
empty_subject_label = a translated subject label must not be empty
translate_subject = write the subject's name in this language
subject_without_letters = a subject needs at least one letter or digit
empty_item = the items of `{ $key }` must not be empty
not_above_zero = `{ $key }` must be greater than 0, it is { $value }
below_zero = `{ $key }` must be 0 or more
not_positive = `{ $key }` must be greater than 0
negative_count = `{ $key }` cannot be negative
quality_out_of_range = `quality` must be between 1 and 100
widths_not_positive = `widths` must be a list of positive whole numbers, e.g. [320, 640, 1280]
rate_out_of_range = `rate` is a percentage of criteria met: from 0 to 100
not_exact_date = `{ $key }` must be an exact date, not the period `{ $period }`
write_date = write a date such as `{ $key } = 2026-09-14`
not_real_date = `{ $key }` is not a real date
date_with_time = `{ $key }` must be a date without a time
write_day_only = write only the day, e.g. `{ $key } = 2026-09-14`
not_date_or_period = `{ $key }`: { $why }
when_neither = `{ $text }` is neither a date (2026-09-14) nor a period (2026-T3, 2026-Q3, 2026-09)
when_not_real = `{ $text }` is not a real date
when_bad_quarter = `{ $text }`: a quarter is T1, T2, T3 or T4
when_bad_month = `{ $text }`: a month is 01 to 12
write_when = write a date `2026-09-14`, a quarter `"2026-T3"` (or `"2026-Q3"`) or a month `"2026-09"`
period_not_date = `{ $key }` must be a period, not a date
not_one_of = `{ $key }` must be one of { $choices }, not `{ $value }`
item_not_one_of = items of `{ $key }` are { $choices }, not `{ $value }`
write_one_of = write one of { $choices }, e.g. `{ $key } = "{ $first }"`
use_one_of = use { $choices }
bad_language_code = `{ $code }` is not a language code
write_lowercase = write it in lowercase: `{ $code }`
not_in_iso_639 = `{ $code }` is not in ISO 639-1; codes are such as `fr`, `en`, `es`
use_iso_639 = use two-letter ISO 639-1 codes such as `fr`, `en`, `es`
bad_reference_slug = `{ $value }` is not a slug
named_by_file = entities are named by their file name, e.g. `{ $slug }`
summary_too_long = `summary` is { $count } characters long; the limit is { $limit }
shorten_summary = shorten it; the body below the front matter has room for details
bad_url = `{ $key }` is not a valid web address: { $error }
copy_address = copy the address from the browser's address bar: `{ $key } = "https://…"`
not_web_address = `{ $key }` must be a web address starting with https://
bad_address = `{ $key }` must be { $what }, not `{ $value }`
an_email_address = an e-mail address
a_web_address = a web address starting with https://
an_email_or_web_address = an e-mail address or a web address
web_address_example = e.g. `{ $key } = "https://{ $address }"`
missing_alt = `{ $key }` needs a text alternative in `{ $alt_key }`
add_alt = add `{ $alt_key } = "what the image shows"` for screen-reader users
alt_without_image = `{ $alt_key }` is set but there is no `{ $key }`
bad_country = `country` must be a two-letter ISO 3166 code such as FR, not `{ $value }`
country_example = e.g. `country = "FR"`
bad_currency = `currency` must be an ISO 4217 code such as EUR or USD, not `{ $value }`
write_currency = write `currency = "{ $code }"`
schedule_without_rows = a schedule needs rows: set `parcours` or `moocs`

## Rules of one entity

image_not_found = image `{ $path }` not found in { $place }
cache_inside_site = the cache folder must be outside the output folder and the site's sources
image_outside = image `{ $path }` is outside { $place }
image_cannot_read = cannot read image `{ $path }`: { $error }
image_unknown_format = `{ $path }` is a { $format } file, which vitrine does not read
image_not_an_image = `{ $path }` is not an image vitrine can read
image_damaged = image `{ $path }` cannot be read: { $error }
image_not_decodable = this image cannot be decoded: { $error }
image_animated = `{ $path }` is animated: it is published as it is, not resized
image_too_large = image `{ $path }` is { $width } x { $height } pixels ({ $pixels }), over the limit of { $limit }
avif_not_written = this version of vitrine does not write AVIF images; the other formats are written
bundle_folder_of = the bundle folder of `{ $slug }`
static_folder = static/
check_image_name = check the file name (case matters), or put the image in static/ or beside index.md in a bundle
cache_dir_elsewhere = use the default `{ $dir }`, or a folder of its own (`--cache-dir`, `cache_dir` in vitrine.toml)
check_image_name_static = check the file name (case matters); a path starting with `/` is in static/
images_from_bundle_or_static = images are read from the bundle folder or static/ only: copy the image there
check_file_permissions = check the file's permissions
save_as_supported_image = save it as JPEG, PNG, WebP, GIF or SVG
image_damaged_hint = the file is damaged or incomplete: export or download it again
image_too_large_hint = make it smaller (2,560 pixels wide is plenty for a cover), or raise `max_pixels` in the [images] section of vitrine.toml
image_animated_hint = a still image (JPEG, PNG) is resized for phones; a short video is lighter than an animation
remove_avif = remove "avif" from `formats` (WebP is as widely supported and nearly as small)
cache_dir_default = remove the line to keep processed images in `{ $dir }`
pixel_count = { $count } pixels
megapixel_count = { $count } megapixels
add_platform = add `platform = "fun-mooc"` (or name a platform in every session)
pass_mark_above_questions = `pass_mark` ({ $pass }) is more than `exam_questions` ({ $total })
pass_mark_hint = the pass mark counts correct answers, so it cannot exceed the number of questions
many_sessions = this MOOC has { $count } sessions: its page and calendar list every one
many_sessions_hint = more than { $limit } sessions is likely a mistake of a script or a copy
session_without_end = this instructor-paced session has a start date but no `end`
add_end_or_self_paced = add `end = YYYY-MM-DD`, or `pacing = "self"` for a self-paced course
session_ends_before_start = the session ends ({ $end }) before it starts ({ $start })
check_start_and_end = check the year and month of `start` and `end`
window_ends_before_start = the { $window } window ends ({ $end }) before it starts ({ $start })
enrolment_window = enrolment
exam_window = exam
swap_dates = swap the two dates or fix the year
enrolment_after_end = enrolment opens after the session has ended
check_key = check `{ $key }`
planned_session_with_end = a session planned for `{ $period }` has no exact dates yet, so it cannot have an `end`
exact_start_or_no_end = give an exact `start` date, or remove `end`
sessions_overlap = the session starting { $start } overlaps the session starting { $other } (line { $line })
sessions_overlap_hint = sessions of one MOOC must not overlap: fix the dates, or mark one `cancelled = true`
listed_twice = `{ $slug }` is listed twice in `{ $key }`
remove_second = remove the second one
small_parcours = this parcours has only { $count } MOOC(s); a parcours usually groups at least 3
small_parcours_hint = add MOOCs to `moocs`, or present these as separate MOOCs
core_not_in_moocs = core MOOC `{ $slug }` is not in this parcours' `moocs`
add_to_moocs_or_remove = add "{ $slug }" to `moocs`, or remove it from `core`
required_out_of_range = `required` is { $required }, but it must be between the number of core MOOCs ({ $core }) and the number of MOOCs ({ $total })
required_between = set `required` to a number from { $core } to { $total }
required_out_of_range_core_required = `required` is { $required }, but it must be between `core_required` ({ $core_required }) and the number of MOOCs ({ $total })
core_required_without_core = `core_required` is set, but this parcours has no `core` MOOCs
core_required_needs_core = list the star MOOCs in `core`, or remove `core_required`
core_required_out_of_range = `core_required` is { $value }, but this parcours has { $core ->
    [one] 1 core MOOC
   *[other] { $core } core MOOCs
}
core_required_between = set `core_required` to a number from 0 to { $core }
schedule_mixed_periods = `from` and `to` must both be quarters or both be months
schedule_from_after_to = `from` ({ $from }) is after `to` ({ $to })
swap_periods = swap the two periods

## References and names between entities

reference_to_draft = { $kind } `{ $slug }` is a draft, so it is not in this build
undraft = remove `draft = true` from it, or build with --drafts
no_such_entity = there is no { $kind ->
    [MOOC] MOOC
    [parcours] parcours
    [platform] platform
    [institution] institution
    [schedule] schedule
    [subject] subject
   *[page] page
} `{ $slug }`
create_or_check_spelling = create { $file }, or check the spelling
brochure_no_such_parcours = [brochure] names parcours `{ $slug }`, which does not exist
name_a_parcours_file = name a file of content/parcours/ without `.md`
slug_taken = slug `{ $slug }` is already used by { $other }
rename_one = rename one of the two files; a slug names exactly one entity
parent_loop = institution parents form a loop: { $chain }
parent_loop_hint = a school's `parent` is its group; remove `parent` from one of them
reserved_mooc_slug = a MOOC cannot be called `{ $slug }`: { $why }
reserved_open = /moocs/open/ lists the MOOCs open for enrolment
reserved_page = /moocs/page/2/… are the pages of the full list
reserved_page_slug = a free page cannot be called `{ $slug }`: that URL is used by vitrine
duty_page_slug = a free page cannot be called `{ $slug }`: { $section } in vitrine.toml makes vitrine write /{ $slug }/
rename_file_or_remove_section = rename the file, e.g. `{ $file }`, or remove { $section } from vitrine.toml
alias_in_language_folder = alias `{ $alias }` is inside a language folder, whose pages vitrine generates
alias_default_language = aliases are old paths of the default language, e.g. "/cours/ancien-nom/"
bad_alias = alias `{ $alias }` { $why }
alias_not_from_root = must start with `/`
alias_not_plain = must be a plain path, without `?`, `#` or a domain
alias_home = cannot be the home page
alias_dots = must not contain `.` or `..`
alias_from_root = write the old path from the site root, e.g. "/cours/ancien-nom/"
alias_taken = alias `{ $alias }` is already { $owner }
owner_list_page = the list page { $path }
owner_vitrine_file = vitrine's { $path }
owner_page_of = the page of { $page }
owner_free_page = the page { $slug }
owner_alias_of = an alias of { $page }
remove_alias = remove this alias
orphan_translation = this translation has no default-language file `{ $slug }.md` beside it
create_default_first = create { $file } first; translations only change the text of an entity
translation_changes_structure = `{ $key }` is not the same as in { $file }: a translation may only change text
translate_only = remove `{ $key }` from this file; it comes from { $file } (translate only { $keys })
translation_subjects_count = `subjects` has { $count ->
    [one] 1 label
   *[other] { $count } labels
} here but { $there ->
    [0] none
   *[other] { $there }
} in { $file }: a translation gives one label per subject, in the same order
remove_subjects_or_add = remove `subjects` from this file, or add the subjects to { $file } first
one_label_each = write one label for each of { $labels }, in that order
translation_alt_without_image = `{ $alt_key }` is set but { $file } has no `{ $key }`
add_image_or_remove_alt = add `{ $key }` to { $file }, or remove `{ $alt_key }` from this file
schedule_empty_row = MOOC `{ $slug }` has no session{ $range }, so its row in this schedule is empty
range_between = { " " }between { $from } and { $to }
range_from = { " " }from { $from } on
range_up_to = { " " }up to { $to }
range_none = {""}
add_session = add a session to { $file } (a planned period such as `start = "2027-T3"` is enough)
add_session_or_widen = add a session to { $file } (a planned period such as `start = "2027-T3"` is enough), or widen `from` / `to`
session_outside_schedule = this session falls outside the schedule `{ $schedule }`{ $range }, so the grid does not show it{ $partly ->
    [yes] { " " }in full
   *[no] {""}
}
widen_schedule = widen `from` / `to` in { $file } if this session belongs in the grid
subject_unused = no MOOC has the subject `{ $slug }`, so this subject page is empty

## Markdown bodies

refused_link = a `{ $scheme }` link is not allowed: it would run or embed code
save_data_as_file = save the image or file in the bundle folder (or static/) and link to it by its name
link_to_a_page = a link leads to a page: write its address, https://…, or `@/moocs/<slug>.md`
dangling_internal_link = link to `{ $target }`, which does not exist
check_link_target = check that { $file } exists (links are written `@/moocs/<slug>.md`)
internal_link_form = internal links are written `@/moocs/<slug>.md`, `@/parcours/<slug>.md`, …
deep_nesting = lists and quotes are nested more than { $max } levels deep here
deep_nesting_hint = check the indentation or the `>` signs: a reader can follow a few levels at most
id_reserved = the { $what } `{ $id }` is an id the page already uses
heading_id = heading id
footnote = footnote
id_reserved_hint = choose another name: this one was given to something else on the page (it is `{ $free }` for now)
footnote_twice = the footnote `[^{ $id }]` is defined twice; links go to the first definition only
footnote_twice_hint = remove one of the two definitions, or give this one another label (it is `{ $free }` for now)
heading_id_twice = the heading id `{ $id }` is given twice on this page
heading_id_twice_hint = give each heading its own `{"{"}#id{"}"}`; links to it go to the first (it is `{ $free }` for now)

## vitrine.toml

languages_without_default = `languages` must include the default language `{ $lang }`
add_to_list = add "{ $value }" to the list
title_for_default_language = `{ $key }` is not needed: `{ $code }` is the default language, whose title is `title`
remove_or_move_to_title = remove this line (or move its text to `title`)
title_for_unknown_language = unknown key `{ $key }` in vitrine.toml: `{ $code }` is not one of `languages`
add_language_or_remove = add "{ $code }" to `languages`, or remove this line
write_title_in = write the site's title in `{ $lang }`, or remove the line to show `title`
unknown_timezone = unknown timezone `{ $name }`
use_iana_name = use an IANA name such as `Europe/Paris` or `UTC`
unknown_image_format = unknown image format `{ $format }`
base_url_not_absolute = `base_url` must be a full address starting with https:// or http://

## The theme and its templates

theme_not_found = theme `{ $name }` not found in themes/
theme_not_found_hint = use `theme = "default"` or create themes/<name>/templates/
template_syntax = a template does not compile: { $detail }
template_syntax_hint = check the {"{"}% %{"}"} blocks of the template named above
template_failed = the template failed on { $file }: { $detail }
fix_template = fix the template (see docs/templates.md for the values it gets)
static_link = this is a symbolic link: vitrine does not follow links, so it is not published
copy_instead_of_link = copy the file or folder here instead of linking to it
ui_strings_syntax = these UI strings are not valid TOML: { $detail }
no_ui_strings = no UI strings for language `{ $lang }`; English ones are used
ui_string_missing = key `{ $key }` is missing in { $file }
add_translated_string = add it, translated into `{ $lang }` (it is in the `{ $default }` strings)

## What a public site must publish, and the brochure

compliance_contradicts_rate = `compliance` is "{ $compliance }", but a rate of { $rate }% of criteria met makes it "{ $level }"
rgaa_levels = under the RGAA: 100% is "full", 50% or more "partial", less "none"
statement_without_contact = the accessibility statement needs a way to reach the site's team
add_statement_contact = add `contact_email = "…"`, `contact_url = "https://…"` or `contact_address = "…"`
not_site_path = `{ $value }` is not a path of the site
write_from_root = write it from the site's root, e.g. "{ $path }"
counter_not_path_or_https = `counter` must be a path of the site (`/…`) or an address starting with https://
brochure_failed = the PDF brochure cannot be made: { $detail }
brochure_font = the PDF brochure cannot be made: its `{ $face }` font cannot be read ({ $detail })
brochure_font_not_embedded = the PDF brochure cannot be made: its `{ $face }` font cannot be embedded in a PDF

## The built site

broken_link = link `{ $href }`: { $reason }
external_link_failing = { $url }: { $error } (linked from { $pages })

## How vitrine was run

config_unreadable = cannot read the site configuration: { $error }
run_in_site = run vitrine in a site folder, pass --root DIR, or create a site with `vitrine new site DIR`
output_is_a_file = the output must be a folder, and this is a file
output_holds_site = the output folder would replace the site's own files
choose_output = choose an output folder such as `public` that holds only the generated site
output_unwritable = cannot prepare the output folder: { $error }
output_not_swapped = cannot put the new site in place: { $error }
cannot_write = cannot write this file: { $error }
cache_unusable = cannot prepare the build cache: { $error }
cache_not_kept = the new site is in place, but its build cache cannot be kept: { $error }
cache_hint = remove this folder (the next build starts a new one), or build with --no-cache
bad_source_date_epoch = SOURCE_DATE_EPOCH must be a number of seconds, not `{ $value }`
source_date_epoch_out_of_range = SOURCE_DATE_EPOCH is out of range: { $error }
bad_base_url = the base URL `{ $url }` is not a URL: { $error }
site_exists = { $path } exists and is not empty
entity_exists = { $path } exists already
cannot_create = cannot create { $path }: { $error }
brochure_unknown_language = `{ $lang }` is not a language of this site
use_lang_one_of = use --lang with { $languages }
brochure_unknown_parcours = there is no parcours `{ $slug }`

## Summaries

built = Built { $pages } pages into { $output }, as of { $today } in { $seconds } s.
checked = Checked the site, as of { $today } in { $seconds } s.
problem_count = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}.
missing_translation = missing translation: { $lang }: { $file }
building = Building…
checking = Checking…
building_images = Building… images { $done }/{ $total }
checking_images = Checking… images { $done }/{ $total }
images_made = Images: { $sources } ({ $files } files, { $encoded } encoded, { $cached } from the cache).
cache_damaged = { $count ->
    [one] 1 damaged entry of the image cache was made again.
   *[other] { $count } damaged entries of the image cache were made again.
}
wrote_brochure = Wrote { $file } in { $seconds } s.

## vitrine check --links

links_checked = Checked { $internal } internal links on { $pages } pages: { $broken } broken; { $external } external link(s) in { $seconds } s.
links_checked_external = Checked { $internal } internal links on { $pages } pages: { $broken } broken; { $external } external link(s), { $failing } failing in { $seconds } s.
external_listed = external: { $url } ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
})
external_answered = external: { $url } ({ $status }, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
})
link_no_page = there is no page or file at /{ $path }
link_no_anchor = /{ $path } has no element with id `{ $fragment }`
link_runs_code = a `{ $scheme }` link runs or embeds code; a site links to pages
link_not_url = `{ $href }` is not a valid URL
server_answered = the server answered { $status }
server_silent = no answer within the time limit
host_not_found = the host does not exist (DNS)
cannot_connect = cannot connect: { $error }
not_checked = not checked

## vitrine serve

serve_fix_first = Fix the problems above, then run `vitrine serve` again.
serve_rebuild_failed = Rebuild failed; still serving the last good site (the problems show in the browser).
serve_built = Built { $pages } pages in memory in { $seconds } s.
serve_rebuilt = Rebuilt { $pages } pages in memory in { $seconds } s.
serving_on = Serving on { $url } (Ctrl+C to stop)
serving_to_network = warning: serving on { $address }: other machines on the network can read this site and its drafts
cannot_open_browser = warning: cannot open a browser: { $error }
cannot_listen = cannot listen on { $address }: { $error }
serve_no_thread = warning: cannot start a thread for a connection; it is closed
cannot_watch = cannot watch { $path }: { $error }
watcher_failed = the file watcher failed

## vitrine new, vitrine explain

created_site = Created a new site in { $dir }. Next: vitrine serve --root { $dir }
created_entity = Created { $file }: fill in its fields, then run `vitrine check`.
unknown_code = there is no problem with code `{ $code }`
codes_are = the codes are { $codes }

## Help

about = Static-site generator for MOOC catalogues
usage_heading = Usage:
command_placeholder = COMMAND
commands_heading = Commands:
arguments_heading = Arguments:
options_heading = Options:
help_flag = Print help
version_flag = Print version
cmd_build = Build the site into the output folder.
cmd_check = Check everything `build` checks, write nothing.
cmd_serve = Build into memory, serve on 127.0.0.1, rebuild on change and reload the open pages.
cmd_brochure = Write the printable A4 brochure (PDF) of a parcours, or of the whole catalogue: a cover, one section per MOOC, the broadcast grid.
cmd_new = Create a site, or one file of content in the current site.
cmd_explain = Explain a problem's code (E012, W003…): an example, what it means, how to fix it.
cmd_new_site = Create a starter site: one entity of each kind, and deploy pipelines.
cmd_new_entity = Create { $kind ->
    [MOOC] a MOOC
    [parcours] a parcours
    [platform] a platform
    [institution] an institution
    [schedule] a schedule
   *[page] a free page
} with every field, commented.
arg_root = Site folder (with vitrine.toml) [default: the current folder].
arg_output = Output folder [default: ROOT/public].
arg_base_url = Base URL, overriding vitrine.toml's (e.g. a preview deployment's).
arg_today = Build as of this date (YYYY-MM-DD) for statuses; default: today in the site's timezone, or SOURCE_DATE_EPOCH.
arg_drafts = Include entities marked `draft = true`.
arg_deny_warnings = Fail (exit 1) on warnings too.
arg_format = How problems are printed: human (the default), json (one object per line), github (workflow commands), gitlab (a Code Quality report, see --report).
arg_report = With --format gitlab: the report file to write [default: gl-code-quality-report.json].
arg_missing_translations = Also list the entities that have no translation into each other language (a report on stdout, not an error).
arg_minify = Minify HTML, CSS and JavaScript (what a page shows and says is unchanged).
arg_no_cache = Write every file and keep no build cache (by default the build keeps one beside the output, `.<output>.vitrine-cache/`, and writes only the files whose bytes change; the images' cache, --cache-dir, is kept either way).
arg_cache_dir = Where processed images are kept between builds [default: VITRINE_CACHE_DIR, else `cache_dir` of vitrine.toml, else ROOT/.vitrine-cache].
arg_lang = Language of messages: fr or en [default: VITRINE_LANG, else the site's default language].
arg_links = Also build the site into memory and follow every internal link and anchor of every page; list the external links.
arg_external = With --links: ask each external link's server whether the page exists (HEAD, then GET).
arg_timeout = With --external: seconds before a server is taken as not answering [default: 10].
arg_per_host = With --external: requests at once to one host [default: 2].
arg_port = Port to listen on (0: any free port) [default: 1111].
arg_bind = Address to listen on [default: 127.0.0.1]; anything but 127.0.0.1 or `::1` makes the site (drafts included) reachable from other machines.
arg_open = Open the site in the default browser.
arg_debounce = Milliseconds without a change before rebuilding [default: 20].
arg_dir = Folder to create.
arg_slug = Slug of the new entity: its file name (a-z, 0-9, dashes).
arg_code = A problem's code, such as E012.
arg_parcours = Slug of the parcours (a file of content/parcours/ without .md); without it, every MOOC of the catalogue.
arg_brochure_lang = Language of the brochure, one of the site's [default: the site's default language]; messages are in it too when it is fr or en.
arg_brochure_output = PDF file to write [default: brochure-PARCOURS-LANG.pdf, brochure-LANG.pdf for the catalogue].

## Errors in the command line

bad_argument = unexpected argument `{ $arg }`
bad_subcommand = unknown command `{ $name }`
bad_value = `{ $value }` is not a value of { $arg }: use { $choices }
missing_argument = { $arg } is required
invalid_date = `{ $value }` is not a date in the form YYYY-MM-DD
similar_exists = did you mean `{ $name }`?
try_help = for more, try `--help`.

## Files written by vitrine new (comments above each key, values to replace)

sc_header = { $kind ->
    [MOOC] A MOOC
    [parcours] A parcours: MOOCs that lead together to a credential
    [platform] A platform where MOOCs are taken
    [institution] An institution that makes MOOCs
    [schedule] A broadcast schedule: MOOCs by period, from their sessions
   *[page] A free page
}. Each comment explains the key below it; every key is in docs/writing-content.md.
sc_optional = Lines `# key = …` are optional: remove the `# ` to use one.
sc_missing = no { $kind } exists yet: create one with `{ $command }`, then name it here.
sc_config_header = The site's settings. Each comment explains the key below it; see docs/writing-content.md.
sc_home_header = The home page's text, above the featured MOOCs.
c_title = The site's title, in the default language.
c_title_other = The site's title in the language `{ $lang }`.
c_base_url = The address where the site is published (vitrine build --base-url overrides it, for a preview).
c_default_language = The language of the files of content/ without a language in their name.
c_languages = Every language of the site; `<slug>.<lang>.md` files translate a file.
c_theme = The theme: "default" is inside vitrine; another is a folder of themes/.
c_timezone = The timezone in which "today" is counted for statuses (open, archived…).
c_search = false leaves out the search box and its index.
c_paginate_by = MOOCs per page of the full list.
c_safe_html = true removes scripts, frames and styles from the HTML written in texts.
c_images = Images made from covers and logos: widths in pixels, formats, quality.
c_duties = What a public site must publish (docs/writing-content.md): fill these in and remove the `#`s; every footer then links to the pages.
c_compliance = The accessibility statement: "full", "partial" or "none" (until an audit).
c_statement_date = When the statement was made.
c_accessibility_contact = How to reach the team about accessibility (or contact_url, contact_address).
c_publisher = The legal notice and the privacy page: who publishes the site.
c_director = The director of publication: a name or a function.
c_host = Who hosts the site (its name; host_address, host_phone may follow).
c_legal_contact = An e-mail or web address to reach the publisher.
c_brochure = A printable PDF brochure beside the page of these parcours (without `parcours`: every parcours).
c_brochure_parcours = Slugs of parcours.
f_title = The title, as pages show it.
f_short_title = A short name or an acronym.
f_summary = One or two sentences of plain text, at most 300 characters: lists, cards and search results show it.
f_draft = true keeps this file out of the site (vitrine build --drafts shows it).
f_updated = When you last changed the text in a way worth telling: the date of the page in the sitemap and the feeds.
f_category = What it is, for search engines: "higher-education" (a university, a school), "education" (the default: any other body that teaches) or "organization".
f_cover = An image: a file beside index.md in a bundle folder (content/<kind>/<slug>/index.md), or in static/.
f_cover_alt = What the image shows, for people who do not see it (required with cover).
f_logo = A logo: a file of static/ (or beside index.md in a bundle folder).
f_logo_alt = What the logo shows, in words (required with logo).
f_website = The website's address.
f_institutions = The institutions that make it: slugs of content/institutions/ (file names without .md).
f_languages = The languages it is taught in: codes such as "fr", "en".
f_subtitles = The languages of the videos' subtitles.
f_platform = Where it is taken: a slug of content/platforms/ (or a platform in each session).
f_subjects = Its subjects, in words; each subject has a page that lists its MOOCs.
f_level = "beginner", "intermediate" or "advanced".
f_effort = Hours of work per week.
f_duration = Length, in weeks.
f_teachers = The teachers' names.
f_featured = true shows it first on the home page.
f_prerequisites = What learners should know before.
f_aliases = Old addresses of this page, which redirect here, e.g. "/cours/ancien-nom/".
f_published = When it entered the catalogue (feeds, "new" badges).
f_awards = Prizes it won.
f_trailer = The address of a teaser video.
f_certificate = What learners can obtain (remove the whole table if nothing).
f_free_attestation = true: a free certificate of achievement.
f_price = The price of the certifying track, in `currency`.
f_currency = An ISO 4217 code: EUR, USD, CHF…
f_proctored = true: the exam is watched remotely.
f_exam_minutes = The exam's length, in minutes.
f_exam_questions = The exam's number of questions.
f_pass_mark = Right answers needed to pass (at most exam_questions).
f_ects = ECTS credits awarded.
f_sessions = One [[sessions]] table per run of the course: copy it for the next one.
f_start = A date (2026-09-14) or, while the dates are not known, a quarter ("2026-T3") or a month ("2026-09").
f_end = The last day: required with an exact start, unless pacing = "self".
f_enrollment_start = When enrolment opens (by default, at once).
f_enrollment_end = When enrolment closes (by default, at the end).
f_exam_start = When the certifying exam opens.
f_exam_end = When the certifying exam closes.
f_session_url = The address where learners enrol.
f_pacing = "instructor" (led by the team, from start to end) or "self" (at one's own pace).
f_session_platform = Another platform for this session only.
f_cancelled = true shows the session as cancelled.
f_enrollments = Learners enrolled in this session.
f_moocs = Its MOOCs, in order: slugs of content/moocs/ (at least 3, usually).
f_core = The compulsory MOOCs, among `moocs`.
f_core_required = How many of the `core` MOOCs the credential needs (e.g. 1 of 3 star MOOCs); without it, all of them.
f_required = MOOCs to pass for the credential: from the number of core MOOCs (or `core_required`) to the number of MOOCs.
f_credential = "certificate", "diploma", "ects" or "none".
f_credential_name = The credential's name.
f_parcours_ects = ECTS credits of the whole parcours.
f_parcours_price = The price of the whole parcours (or per exam: say which in price_note).
f_price_note = What the price covers.
f_schedule = Its broadcast schedule: a slug of content/schedules/.
f_progression = "any" (the MOOCs in any order) or "ordered" (in the order of `moocs`).
f_partners = Partner institutions: slugs of content/institutions/.
f_audience = "francophone", "international", or words of yours.
f_model = "public", "non-profit" or "for-profit".
f_based_on = The software it runs on.
f_platform_pacing = The pacings it offers: "instructor", "self".
f_learners = Its number of learners.
f_learners_year = The year of that number.
f_certification = What its certificates are, in words.
f_parent = Its group, when it is a school of one: a slug of content/institutions/.
f_country = Its country: an ISO 3166 code such as FR, BE, CA.
f_schedule_parcours = A parcours whose MOOCs are the rows: a slug of content/parcours/.
f_schedule_moocs = Or the MOOCs of the rows, in order.
f_granularity = "quarter" or "month": the columns.
f_from = The first period shown ("2026-T1", or "2026-01" by month); by default, the first session's.
f_to = The last period shown; by default, the last session's.
f_version = The date of this version of the schedule.
f_note = A note shown under the grid.
f_weight = The order in the menu (smaller first).
f_menu = true puts the page in the site's menu.
v_summary = { $kind ->
    [MOOC] What learners will learn, in one or two sentences.
    [parcours] Where these MOOCs lead, in one or two sentences.
    [platform] Who the platform is for, in one or two sentences.
   *[page] What this page is about, in one sentence.
}
v_body = { $kind ->
    [MOOC] The course's description: its programme week by week, its team, what learners do.
    [parcours] How the parcours works: which MOOCs, in what order, and how to obtain the credential.
    [platform] About the platform.
    [institution] About the institution.
    [schedule] About this schedule.
   *[page] The page's text, in Markdown.
}
v_subject = Getting started
v_teacher = First name Last name
v_prerequisites = None: the course starts from the basics.
v_award = Name of the prize, year
v_credential_name = Name of the certificate
v_price_note = Per exam.
v_certification = Certificates of achievement.
v_note = This schedule may change.
v_site_title = MOOC catalogue
v_home_title = Our MOOCs
v_home_body = Welcome to our catalogue of online courses.
s_institution = my-school
s_platform = my-platform
s_mooc_1 = first-mooc
s_mooc_2 = second-mooc
s_mooc_3 = third-mooc
s_parcours = my-parcours
s_schedule = schedule
s_page = about

licence_url_not_absolute = `licence_url` must be a full address starting with https:// or http://
licence_url_example = e.g. `licence_url = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"`
csv_separator_unknown = `csv_separator` is `";"` or `","`, not `{ $value }`
csv_separator_choice = `;` for Excel in French (and most European) settings, `,` for Excel in English
card_font_not_font = this is not a TrueType or OpenType font
card_font_what = put a .ttf or .otf font here (it draws the card images of pages without a cover)
