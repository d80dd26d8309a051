//! Every other message: hints, parts of messages (`a MOOC`, `the text
//! "x"`), and the words around the problems (`error`, `hint:`). One line
//! per id with its arguments; the words are in `messages/*.ftl`. The lines
//! the command prints are in [`super::cli`].

use super::message::texts;

texts! {
    // Words around a problem.
    error_label();
    warning_label();
    hint_label();
    did_you_mean(word);

    // What a table is, in "unknown key `x` in …". `kind` is a kind's noun
    // (`MOOC`, `platform`, `home`…).
    a_kind(kind);
    a_session();
    section(name);
    section_file(name);
    keys_are(within, keys);

    // What a value must be, and what it is.
    type_text();
    type_bool();
    type_integer();
    type_number();
    type_date();
    type_list();
    type_list_example();
    type_table();
    type_tables();
    found_text(text);
    found_number(number);
    found_bool(value);
    found_date(date);
    found_list();
    found_table();
    when_neither(text);
    when_not_real(text);
    when_bad_quarter(text);
    when_bad_month(text);
    this_file();
    the_front_matter();
    enrolment_window();
    exam_window();
    heading_id();
    footnote();
    bundle_folder_of(slug);
    static_folder();
    reserved_open();
    reserved_page();
    alias_not_from_root();
    alias_not_plain();
    alias_home();
    alias_dots();
    owner_list_page(path);
    owner_vitrine_file(path);
    owner_page_of(page);
    owner_free_page(slug);
    owner_alias_of(page);
    range_between(from, to);
    range_from(from);
    range_up_to(to);
    range_none();

    // Hints: how to fix a value.
    for_example(line);
    add_line(key, example);
    write_text(key);
    write_value(key, value);
    remove_quotes(key, value);
    remove_quotes_decimal(key, value);
    put_in_brackets(key, value);
    write_section(key);
    write_sections(key);
    write_date(key);
    write_day_only(key);
    write_when();
    write_one_of(choices, key, first);
    use_one_of(choices);
    write_lowercase(code);
    not_in_iso_639(code);
    use_iso_639();
    named_by_file(slug);
    shorten_summary();
    copy_address(key);
    web_address_example(key, address);
    add_alt(alt_key);
    country_example();
    write_currency(code);
    translate_subject();
    list_slugs(key, kind);
    toml_duplicate_key();
    toml_quotes();

    // Hints: files and folders.
    file_too_big_hint();
    file_large_hint();
    copy_into_content();
    give_read_access();
    fix_dangling_link();
    rename_folder_without_md();
    fix_link_loop();
    open_in_editor();
    name_clash_hint();
    save_as_utf8();
    remove_nul();
    front_matter_yaml_hint();
    front_matter_missing_hint();
    front_matter_unclosed_hint();
    content_folders_are(folders);
    move_into_folder();
    images_in_bundle();
    bundle_is(slug);
    rename_device_name(slug);
    rename_to(slug);
    rename_file_to(file);
    add_file(file);

    // Hints: rules of one entity.
    check_image_name();
    check_image_name_static();
    images_from_bundle_or_static();
    check_file_permissions();
    save_as_supported_image();
    image_damaged_hint();
    image_too_large_hint();
    image_animated_hint();
    remove_avif();
    cache_dir_default(dir);
    cache_dir_elsewhere(dir);
    pixel_count(count);
    megapixel_count(count);
    add_platform();
    pass_mark_hint();
    many_sessions_hint(limit);
    add_end_or_self_paced();
    check_start_and_end();
    exact_start_or_no_end();
    swap_dates();
    check_key(key);
    sessions_overlap_hint();
    remove_second();
    small_parcours_hint();
    add_to_moocs_or_remove(slug);
    required_between(core, total);
    core_required_needs_core();
    core_required_between(core);
    swap_periods();

    // Hints: references, translations, schedules.
    undraft();
    create_or_check_spelling(file);
    rename_one();
    parent_loop_hint();
    alias_default_language();
    alias_from_root();
    remove_alias();
    create_default_first(file);
    translate_only(key, file, keys);
    remove_subjects_or_add(file);
    one_label_each(labels);
    add_image_or_remove_alt(key, file, alt_key);
    add_session(file);
    add_session_or_widen(file);
    widen_schedule(file);
    name_a_parcours_file();
    rename_file_or_remove_section(file, section);

    // Hints: Markdown.
    save_data_as_file();
    link_to_a_page();
    check_link_target(file);
    internal_link_form();
    deep_nesting_hint();
    id_reserved_hint(free);
    footnote_twice_hint(free);
    heading_id_twice_hint(free);

    // Hints: vitrine.toml, theme, output.
    run_in_site();
    add_to_list(value);
    remove_or_move_to_title();
    add_language_or_remove(code);
    write_title_in(lang);
    use_iana_name();
    licence_url_example();
    csv_separator_choice();
    card_font_what();
    theme_not_found_hint();
    template_syntax_hint();
    fix_template();
    copy_instead_of_link();
    add_translated_string(lang, default);
    choose_output();
    cache_hint();

    // `[accessibility]`, `[legal]`, `[analytics]`, `vitrine brochure`.
    rgaa_levels();
    add_statement_contact();
    write_from_root(path);
    an_email_address();
    a_web_address();
    an_email_or_web_address();
    use_lang_one_of(languages);
}
