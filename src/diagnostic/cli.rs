//! The lines the command prints besides problems (summaries, `serve`,
//! `new`, `explain`), its help, and the reasons of `check --links`. One
//! line per id with its arguments; the words are in `messages/*.ftl`.

use super::message::texts;

texts! {
    // Summaries.
    built(pages, output, today, seconds);
    checked(today, seconds);
    problem_count(errors, warnings);
    missing_translation(lang, file);
    building();
    checking();
    building_images(done, total);
    checking_images(done, total);
    images_made(sources, files, encoded, cached);
    cache_damaged(count);
    wrote_brochure(file, seconds);

    // `check --links`.
    links_checked(internal, pages, broken, external, seconds);
    links_checked_external(internal, pages, broken, external, failing, seconds);
    external_listed(url, pages);
    external_answered(url, status, pages);
    link_no_page(path);
    link_no_anchor(path, fragment);
    link_runs_code(scheme);
    link_not_url(href);
    server_answered(status);
    server_silent();
    host_not_found();
    cannot_connect(error);
    not_checked();

    // `serve`.
    serve_fix_first();
    serve_rebuild_failed();
    serve_built(pages, seconds);
    serve_rebuilt(pages, seconds);
    serving_on(url);
    serving_to_network(address);
    cannot_open_browser(error);
    cannot_listen(address, error);
    serve_no_thread();
    cannot_watch(path, error);
    watcher_failed();

    // `new` and `explain`.
    created_site(dir);
    created_entity(file);
    unknown_code(code);
    codes_are(codes);

    // Help: the command and its subcommands.
    about();
    usage_heading();
    command_placeholder();
    commands_heading();
    arguments_heading();
    options_heading();
    help_flag();
    version_flag();
    cmd_build();
    cmd_check();
    cmd_serve();
    cmd_brochure();
    cmd_new();
    cmd_explain();
    cmd_new_site();
    cmd_new_entity(kind);

    // Help: the options.
    arg_root();
    arg_output();
    arg_base_url();
    arg_today();
    arg_drafts();
    arg_deny_warnings();
    arg_format();
    arg_report();
    arg_missing_translations();
    arg_minify();
    arg_no_cache();
    arg_cache_dir();
    arg_lang();
    arg_links();
    arg_external();
    arg_timeout();
    arg_per_host();
    arg_port();
    arg_bind();
    arg_open();
    arg_debounce();
    arg_dir();
    arg_slug();
    arg_code();
    arg_parcours();
    arg_brochure_lang();
    arg_brochure_output();

    // Errors in the command line (clap's, in words of ours).
    bad_argument(arg);
    bad_subcommand(name);
    bad_value(value, arg, choices);
    missing_argument(arg);
    invalid_date(value);
    similar_exists(name);
    try_help();
}
