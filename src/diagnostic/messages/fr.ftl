# Les messages de vitrine en français (syntaxe Fluent : https://projectfluent.org).
#
# Chaque identifiant est déclaré, avec ses arguments, dans
# src/diagnostic/problems.rs, texts.rs ou cli.rs ; en.ftl a les mêmes
# identifiants avec les mêmes arguments (tests/messages.rs). Les clés, les
# valeurs et les chemins restent tels qu'écrits, entre `accents graves`.
# Typographie : espace insécable (U+00A0) avant « : » et dans les guillemets,
# espace fine insécable (U+202F) avant « ? », « ! » et « ; » (vérifié par
# tests/messages.rs).

## Autour d'un problème

error_label = erreur
warning_label = avertissement
hint_label = conseil :
did_you_mean = vouliez-vous dire `{ $word }` ?

## Les fichiers et leur en-tête

file_too_big = ce fichier pèse { $size } Mo : les fichiers de contenu sont lus jusqu'à { $limit } Mo
file_too_big_hint = une page aussi lourde est une erreur (une image ou un export collé ?) : découpez-la, ou mettez les données dans static/
file_large = ce fichier pèse { $size } Mo : sa page sera aussi lourde et lente à ouvrir
file_large_hint = une page pèse d'habitude quelques ko : cherchez des images ou des tableaux collés, ou découpez le texte
link_outside_site = ce fichier est un lien symbolique vers { $target }, hors du dossier du site : il est lu, mais ne fait pas partie du site
copy_into_content = copiez le fichier dans content/ pour que le site contienne tout ce qu'il publie
unreadable = impossible de lire ce fichier : { $error }
open_in_editor = vérifiez que votre éditeur peut ouvrir le fichier
unreadable_permission = impossible de lire ce fichier : accès refusé
give_read_access = donnez-vous le droit de lecture (`chmod u+r` sur le fichier), ou sortez-le de content/
unreadable_dangling_link = ce lien symbolique pointe vers un fichier qui n'existe pas
fix_dangling_link = supprimez le lien, ou copiez à sa place le fichier vers lequel il devrait pointer
unreadable_folder_named_md = ceci est un dossier dont le nom finit par `.md`
rename_folder_without_md = renommez le dossier sans `.md`
unreadable_link_loop = ce lien symbolique renvoie à lui-même (une boucle de liens)
fix_link_loop = supprimez le lien, ou remplacez-le par le fichier lui-même
folder_unreadable = impossible de lire ce dossier : { $error }
name_clash = `{ $slug }` et { $other } ne diffèrent que par les majuscules ou les accents : sous Windows et macOS, c'est le même nom, et leurs pages s'écraseraient
name_clash_hint = donnez-leur des noms bien différents (les slugs s'écrivent avec a-z, 0-9 et des tirets)
not_utf8 = ce fichier n'est pas du texte UTF-8 : cet octet n'est pas un caractère UTF-8
save_as_utf8 = enregistrez le fichier en UTF-8 dans votre éditeur (il a sans doute été enregistré en Latin-1 ou Windows-1252)
nul_character = ce fichier contient un caractère NUL (octet 0), ce qu'un texte ne contient jamais
remove_nul = le fichier est peut-être abîmé ou n'est pas un texte : supprimez ce caractère, ou enregistrez de nouveau le fichier en texte UTF-8
front_matter_yaml = l'en-tête doit être du TOML entre deux lignes `+++`, pas du YAML entre des lignes `---`
front_matter_yaml_hint = remplacez les deux lignes `---` par `+++` et écrivez les clés sous la forme `clé = "valeur"`
front_matter_missing = ce fichier n'a pas d'en-tête : il doit commencer par une ligne `+++`
front_matter_missing_hint = commencez le fichier par `+++`, puis les clés TOML (title = "…"), puis une autre ligne `+++`
front_matter_unclosed = l'en-tête n'est jamais fermé
front_matter_unclosed_hint = ajoutez une ligne contenant seulement `+++` après la dernière clé
toml_syntax = { $part } n'est pas du TOML valide : { $detail }
this_file = ce fichier
the_front_matter = l'en-tête
toml_duplicate_key = chaque clé ne s'écrit qu'une fois : supprimez l'une des deux lignes, ou réunissez leurs valeurs
toml_quotes = les textes s'écrivent entre guillemets droits doubles : `title = "Mon MOOC"` ; les dates s'écrivent 2024-04-08
unknown_content_folder = `content/{ $name }/` n'est pas un type de contenu connu de vitrine ; il est ignoré
content_folders_are = les dossiers possibles sont { $folders }
file_outside_folders = ce fichier n'est dans aucun dossier de contenu ; il est ignoré
move_into_folder = déplacez-le dans content/moocs/, content/pages/, … (seul `_index.md` va à la racine de content/)
not_markdown = seuls les fichiers Markdown (`.md`) sont lus ici ; ce fichier est ignoré
images_in_bundle = mettez les images dans un dossier de page, à côté de son `index.md`, ou dans static/
bundle_without_index = ce dossier n'a pas d'`index.md`, ce n'est donc pas un dossier de page ; il est ignoré
bundle_is = un dossier de page, c'est `{ $slug }/index.md` avec ses images à côté
windows_device_name = `{ $slug }` est un nom que Windows réserve à un périphérique : le dossier de la page ne peut pas y exister
rename_device_name = renommez-le, par exemple `{ $slug }-1` ou un nom plus long
bad_file_slug = `{ $slug }` n'est pas un slug valide (les noms de fichier s'écrivent avec a-z, 0-9 et des tirets simples)
rename_to = renommez-le en `{ $slug }`
rename_file_to = renommez le fichier, par exemple `{ $file }`
add_file = ajoutez { $file }

## Les clés et les valeurs

unknown_key = clé inconnue `{ $key }` dans { $within }
keys_are = les clés possibles dans { $within } sont : { $keys }
a_kind = { $kind ->
    [MOOC] un MOOC
    [parcours] un parcours
    [platform] une plateforme
    [institution] un établissement
    [schedule] un calendrier
    [subject] un thème
    [home] la page d'accueil (_index.md)
   *[page] une page
}
a_session = une session
section = [{ $name }]
section_file = { $name }
wrong_type = `{ $key }` doit être { $expected }, pas { $found }
wrong_item_type = les éléments de `{ $key }` doivent être { $expected }, pas { $found }
type_text = un texte entre guillemets
type_bool = true ou false
type_integer = un nombre entier
type_number = un nombre
type_date = une date comme 2026-09-14
type_list = une liste
type_list_example = une liste comme ["a", "b"]
type_table = une table
type_tables = une liste de tables
found_text = le texte « { $text } »
found_number = le nombre { $number }
found_bool = `{ $value }`
found_date = la date { $date }
found_list = une liste
found_table = une table
write_text = écrivez `{ $key } = "…"`
write_value = écrivez `{ $key } = { $value }`
remove_quotes = enlevez les guillemets : `{ $key } = { $value }`
remove_quotes_decimal = enlevez les guillemets et écrivez les décimales avec un point : `{ $key } = { $value }`
put_in_brackets = mettez-le entre crochets : `{ $key } = ["{ $value }"]`
write_section = écrivez une section `[{ $key }]`
write_sections = écrivez des sections `[[{ $key }]]`
missing_key = la clé obligatoire `{ $key }` manque
add_line = ajoutez une ligne `{ $key } = { $example }`
for_example = par exemple `{ $line }`
empty_value = `{ $key }` ne doit pas être vide
empty_list = `{ $key }` doit nommer au moins { $kind ->
    [MOOC] un MOOC
    [institution] un établissement
   *[language] une langue
}
list_slugs = indiquez les slugs de ses { $kind ->
    [MOOC] MOOC
   *[institution] établissements
}, par exemple `{ $key } = ["…"]`
empty_subject_label = un libellé de thème traduit ne doit pas être vide
translate_subject = écrivez le nom du thème dans cette langue
subject_without_letters = un thème doit contenir au moins une lettre ou un chiffre
empty_item = les éléments de `{ $key }` ne doivent pas être vides
not_above_zero = `{ $key }` doit être supérieur à 0 ; il vaut { $value }
below_zero = `{ $key }` doit valoir 0 ou plus
not_positive = `{ $key }` doit être supérieur à 0
negative_count = `{ $key }` ne peut pas être négatif
quality_out_of_range = `quality` doit être compris entre 1 et 100
widths_not_positive = `widths` doit être une liste de nombres entiers positifs, par exemple [320, 640, 1280]
rate_out_of_range = `rate` est un pourcentage de critères respectés : de 0 à 100
not_exact_date = `{ $key }` doit être une date précise, pas la période `{ $period }`
write_date = écrivez une date, par exemple `{ $key } = 2026-09-14`
not_real_date = `{ $key }` n'est pas une date qui existe
date_with_time = `{ $key }` doit être une date sans heure
write_day_only = écrivez seulement le jour, par exemple `{ $key } = 2026-09-14`
not_date_or_period = `{ $key }` : { $why }
when_neither = `{ $text }` n'est ni une date (2026-09-14) ni une période (2026-T3, 2026-Q3, 2026-09)
when_not_real = `{ $text }` n'est pas une date qui existe
when_bad_quarter = `{ $text }` : un trimestre s'écrit T1, T2, T3 ou T4
when_bad_month = `{ $text }` : un mois va de 01 à 12
write_when = écrivez une date `2026-09-14`, un trimestre `"2026-T3"` (ou `"2026-Q3"`) ou un mois `"2026-09"`
period_not_date = `{ $key }` doit être une période, pas une date
not_one_of = `{ $key }` doit valoir { $choices }, pas `{ $value }`
item_not_one_of = les éléments de `{ $key }` valent { $choices }, pas `{ $value }`
write_one_of = écrivez l'une des valeurs { $choices }, par exemple `{ $key } = "{ $first }"`
use_one_of = utilisez { $choices }
bad_language_code = `{ $code }` n'est pas un code de langue
write_lowercase = écrivez-le en minuscules : `{ $code }`
not_in_iso_639 = `{ $code }` n'est pas dans la norme ISO 639-1 ; les codes s'écrivent comme `fr`, `en`, `es`
use_iso_639 = utilisez des codes ISO 639-1 à deux lettres, comme `fr`, `en`, `es`
bad_reference_slug = `{ $value }` n'est pas un slug
named_by_file = on désigne un contenu par le nom de son fichier, par exemple `{ $slug }`
summary_too_long = `summary` fait { $count } caractères ; la limite est de { $limit }
shorten_summary = raccourcissez-le ; le corps du texte, sous l'en-tête, a la place pour les détails
bad_url = `{ $key }` n'est pas une adresse web valide : { $error }
copy_address = copiez l'adresse depuis la barre d'adresse du navigateur : `{ $key } = "https://…"`
not_web_address = `{ $key }` doit être une adresse web qui commence par https://
bad_address = `{ $key }` doit être { $what }, pas `{ $value }`
an_email_address = une adresse électronique
a_web_address = une adresse web qui commence par https://
an_email_or_web_address = une adresse électronique ou une adresse web
web_address_example = par exemple `{ $key } = "https://{ $address }"`
missing_alt = `{ $key }` demande un texte de remplacement dans `{ $alt_key }`
add_alt = ajoutez `{ $alt_key } = "ce que montre l'image"` pour les personnes qui utilisent un lecteur d'écran
alt_without_image = `{ $alt_key }` est renseigné, mais il n'y a pas de `{ $key }`
bad_country = `country` doit être un code ISO 3166 à deux lettres comme FR, pas `{ $value }`
country_example = par exemple `country = "FR"`
bad_currency = `currency` doit être un code ISO 4217 comme EUR ou USD, pas `{ $value }`
write_currency = écrivez `currency = "{ $code }"`
schedule_without_rows = un calendrier a besoin de lignes : renseignez `parcours` ou `moocs`

## Les règles d'un contenu

image_not_found = image `{ $path }` introuvable dans { $place }
cache_inside_site = le dossier du cache doit être hors du dossier de sortie et des sources du site
image_outside = l'image `{ $path }` est hors de { $place }
image_cannot_read = impossible de lire l'image `{ $path }` : { $error }
image_unknown_format = `{ $path }` est un fichier { $format }, que vitrine ne lit pas
image_not_an_image = `{ $path }` n'est pas une image que vitrine sait lire
image_damaged = l'image `{ $path }` ne peut pas être lue : { $error }
image_not_decodable = cette image ne peut pas être décodée : { $error }
image_animated = `{ $path }` est animée : elle est publiée telle quelle, sans être redimensionnée
image_too_large = l'image `{ $path }` fait { $width } x { $height } pixels ({ $pixels }), au-delà de la limite de { $limit }
avif_not_written = cette version de vitrine n'écrit pas d'images AVIF ; les autres formats sont écrits
bundle_folder_of = le dossier de page de `{ $slug }`
static_folder = static/
check_image_name = vérifiez le nom du fichier (majuscules comprises), ou mettez l'image dans static/ ou à côté de index.md dans un dossier de page
cache_dir_elsewhere = gardez celui par défaut, `{ $dir }`, ou un dossier à lui (`--cache-dir`, `cache_dir` dans vitrine.toml)
check_image_name_static = vérifiez le nom du fichier (majuscules comprises) ; un chemin qui commence par `/` est dans static/
images_from_bundle_or_static = les images sont lues seulement dans le dossier de page ou dans static/ : copiez-y l'image
check_file_permissions = vérifiez les droits du fichier
save_as_supported_image = enregistrez-la en JPEG, PNG, WebP, GIF ou SVG
image_damaged_hint = le fichier est abîmé ou incomplet : exportez-le ou téléchargez-le à nouveau
image_too_large_hint = réduisez-la (2 560 pixels de large suffisent pour une couverture), ou augmentez `max_pixels` dans la section [images] de vitrine.toml
image_animated_hint = une image fixe (JPEG, PNG) est redimensionnée pour les téléphones ; une courte vidéo est plus légère qu'une animation
remove_avif = retirez "avif" de `formats` (WebP est aussi bien pris en charge et presque aussi léger)
cache_dir_default = retirez la ligne pour garder les images traitées dans `{ $dir }`
pixel_count = { $count } pixels
megapixel_count = { $count } mégapixels
add_platform = ajoutez `platform = "fun-mooc"` (ou nommez une plateforme dans chaque session)
pass_mark_above_questions = `pass_mark` ({ $pass }) dépasse `exam_questions` ({ $total })
pass_mark_hint = la note de réussite compte des bonnes réponses : elle ne peut pas dépasser le nombre de questions
many_sessions = ce MOOC a { $count } sessions : sa page et son calendrier les listent toutes
many_sessions_hint = plus de { $limit } sessions, c'est sans doute l'erreur d'un script ou d'un copier-coller
session_without_end = cette session encadrée a une date de début mais pas de fin (`end`)
add_end_or_self_paced = ajoutez `end = AAAA-MM-JJ`, ou `pacing = "self"` pour un cours à suivre à son rythme
session_ends_before_start = la session finit ({ $end }) avant de commencer ({ $start })
check_start_and_end = vérifiez l'année et le mois de `start` et de `end`
window_ends_before_start = la période { $window } finit ({ $end }) avant de commencer ({ $start })
enrolment_window = d'inscription
exam_window = d'examen
swap_dates = inversez les deux dates ou corrigez l'année
enrolment_after_end = les inscriptions ouvrent après la fin de la session
check_key = vérifiez `{ $key }`
planned_session_with_end = une session prévue pour `{ $period }` n'a pas encore de dates précises : elle ne peut pas avoir de fin (`end`)
exact_start_or_no_end = donnez une date de début (`start`) précise, ou supprimez `end`
sessions_overlap = la session qui commence le { $start } chevauche celle qui commence le { $other } (ligne { $line })
sessions_overlap_hint = les sessions d'un même MOOC ne doivent pas se chevaucher : corrigez les dates, ou marquez l'une d'elles `cancelled = true`
listed_twice = `{ $slug }` apparaît deux fois dans `{ $key }`
remove_second = retirez la deuxième mention
small_parcours = ce parcours ne compte que { $count } MOOC ; un parcours en réunit d'habitude au moins 3
small_parcours_hint = ajoutez des MOOC à `moocs`, ou présentez-les comme des MOOC séparés
core_not_in_moocs = le MOOC obligatoire `{ $slug }` ne fait pas partie des `moocs` de ce parcours
add_to_moocs_or_remove = ajoutez "{ $slug }" à `moocs`, ou retirez-le de `core`
required_out_of_range = `required` vaut { $required }, mais doit être compris entre le nombre de MOOC obligatoires ({ $core }) et le nombre de MOOC ({ $total })
required_between = donnez à `required` une valeur de { $core } à { $total }
required_out_of_range_core_required = `required` vaut { $required }, mais doit être compris entre `core_required` ({ $core_required }) et le nombre de MOOC ({ $total })
core_required_without_core = `core_required` est indiqué, mais ce parcours n'a pas de MOOC obligatoires (`core`)
core_required_needs_core = listez les MOOC phares dans `core`, ou retirez `core_required`
core_required_out_of_range = `core_required` vaut { $value }, mais ce parcours a { $core ->
    [one] 1 MOOC obligatoire
   *[other] { $core } MOOC obligatoires
}
core_required_between = donnez à `core_required` une valeur de 0 à { $core }
schedule_mixed_periods = `from` et `to` doivent être tous deux des trimestres, ou tous deux des mois
schedule_from_after_to = `from` ({ $from }) vient après `to` ({ $to })
swap_periods = inversez les deux périodes

## Les références et les noms entre contenus

reference_to_draft = { $kind ->
    [MOOC] le MOOC
    [parcours] le parcours
    [platform] la plateforme
    [institution] l'établissement
    [schedule] le calendrier
    [subject] le thème
   *[page] la page
} `{ $slug }` est un brouillon : { $kind ->
    [MOOC] il n'est pas publié
    [parcours] il n'est pas publié
    [institution] il n'est pas publié
    [schedule] il n'est pas publié
    [subject] il n'est pas publié
   *[other] elle n'est pas publiée
} dans ce site
undraft = retirez-lui `draft = true`, ou construisez avec --drafts
no_such_entity = il n'y a pas { $kind ->
    [MOOC] de MOOC
    [parcours] de parcours
    [platform] de plateforme
    [institution] d'établissement
    [schedule] de calendrier
    [subject] de thème
   *[page] de page
} `{ $slug }`
create_or_check_spelling = créez { $file }, ou vérifiez l'orthographe
brochure_no_such_parcours = [brochure] nomme le parcours `{ $slug }`, qui n'existe pas
name_a_parcours_file = indiquez le nom d'un fichier de content/parcours/ sans `.md`
slug_taken = le slug `{ $slug }` est déjà pris par { $other }
rename_one = renommez l'un des deux fichiers ; un slug désigne un seul contenu
parent_loop = les établissements parents forment une boucle : { $chain }
parent_loop_hint = le `parent` d'une école est son groupe ; retirez `parent` de l'un d'eux
reserved_mooc_slug = un MOOC ne peut pas s'appeler `{ $slug }` : { $why }
reserved_open = /moocs/open/ liste les MOOC ouverts aux inscriptions
reserved_page = /moocs/page/2/… sont les pages de la liste complète
reserved_page_slug = une page libre ne peut pas s'appeler `{ $slug }` : cette adresse est prise par vitrine
duty_page_slug = une page libre ne peut pas s'appeler `{ $slug }` : avec { $section } dans vitrine.toml, vitrine écrit /{ $slug }/
rename_file_or_remove_section = renommez le fichier, par exemple `{ $file }`, ou retirez { $section } de vitrine.toml
alias_in_language_folder = l'alias `{ $alias }` est dans le dossier d'une langue, dont vitrine génère les pages
alias_default_language = les alias sont d'anciens chemins de la langue par défaut, par exemple "/cours/ancien-nom/"
bad_alias = l'alias `{ $alias }` { $why }
alias_not_from_root = doit commencer par `/`
alias_not_plain = doit être un simple chemin, sans `?`, `#` ni nom de domaine
alias_home = ne peut pas être la page d'accueil
alias_dots = ne doit contenir ni `.` ni `..`
alias_from_root = écrivez l'ancien chemin depuis la racine du site, par exemple "/cours/ancien-nom/"
alias_taken = l'alias `{ $alias }` est déjà { $owner }
owner_list_page = la page de liste { $path }
owner_vitrine_file = le fichier { $path } de vitrine
owner_page_of = la page de { $page }
owner_free_page = la page { $slug }
owner_alias_of = un alias de { $page }
remove_alias = supprimez cet alias
orphan_translation = cette traduction n'a pas, à côté d'elle, de fichier `{ $slug }.md` dans la langue par défaut
create_default_first = créez d'abord { $file } ; une traduction ne change que le texte d'un contenu
translation_changes_structure = `{ $key }` n'est pas le même que dans { $file } : une traduction ne peut changer que le texte
translate_only = retirez `{ $key }` de ce fichier ; il vient de { $file } (ne traduisez que { $keys })
translation_subjects_count = `subjects` a { $count ->
    [one] { $count } libellé
   *[other] { $count } libellés
} ici, mais { $there ->
    [0] aucun
   *[other] { $there }
} dans { $file } : une traduction donne un libellé par thème, dans le même ordre
remove_subjects_or_add = retirez `subjects` de ce fichier, ou ajoutez d'abord les thèmes à { $file }
one_label_each = écrivez un libellé pour chacun de { $labels }, dans cet ordre
translation_alt_without_image = `{ $alt_key }` est renseigné, mais { $file } n'a pas de `{ $key }`
add_image_or_remove_alt = ajoutez `{ $key }` à { $file }, ou retirez `{ $alt_key }` de ce fichier
schedule_empty_row = le MOOC `{ $slug }` n'a aucune session{ $range } : sa ligne dans ce calendrier est vide
range_between = { " " }entre { $from } et { $to }
range_from = { " " }à partir de { $from }
range_up_to = { " " }jusqu'à { $to }
range_none = {""}
add_session = ajoutez une session à { $file } (une période prévue comme `start = "2027-T3"` suffit)
add_session_or_widen = ajoutez une session à { $file } (une période prévue comme `start = "2027-T3"` suffit), ou élargissez `from` / `to`
session_outside_schedule = cette session sort du calendrier `{ $schedule }`{ $range } : la grille ne la montre { $partly ->
    [yes] pas en entier
   *[no] pas
}
widen_schedule = élargissez `from` / `to` dans { $file } si cette session a sa place dans la grille
subject_unused = aucun MOOC n'a le thème `{ $slug }` : la page de ce thème est vide

## Le Markdown

refused_link = un lien `{ $scheme }` est interdit : il exécuterait ou intégrerait du code
save_data_as_file = enregistrez l'image ou le fichier dans le dossier de page (ou dans static/) et faites le lien vers son nom
link_to_a_page = un lien mène à une page : écrivez son adresse, https://…, ou `@/moocs/<slug>.md`
dangling_internal_link = lien vers `{ $target }`, qui n'existe pas
check_link_target = vérifiez que { $file } existe (les liens s'écrivent `@/moocs/<slug>.md`)
internal_link_form = les liens internes s'écrivent `@/moocs/<slug>.md`, `@/parcours/<slug>.md`, …
deep_nesting = les listes et les citations sont imbriquées ici sur plus de { $max } niveaux
deep_nesting_hint = vérifiez l'indentation ou les signes `>` : un lecteur ne suit que quelques niveaux
id_reserved = { $what } `{ $id }` est un identifiant que la page utilise déjà
heading_id = l'identifiant de titre
footnote = la note
id_reserved_hint = choisissez un autre nom : celui-ci est pris par autre chose sur la page (c'est `{ $free }` pour l'instant)
footnote_twice = la note `[^{ $id }]` est définie deux fois ; les renvois mènent seulement à la première
footnote_twice_hint = supprimez l'une des deux définitions, ou donnez à celle-ci un autre nom (c'est `{ $free }` pour l'instant)
heading_id_twice = l'identifiant de titre `{ $id }` est donné deux fois sur cette page
heading_id_twice_hint = donnez à chaque titre son propre `{"{"}#id{"}"}` ; les liens mènent au premier (c'est `{ $free }` pour l'instant)

## vitrine.toml

languages_without_default = `languages` doit contenir la langue par défaut `{ $lang }`
add_to_list = ajoutez "{ $value }" à la liste
title_for_default_language = `{ $key }` est inutile : `{ $code }` est la langue par défaut, dont le titre est `title`
remove_or_move_to_title = supprimez cette ligne (ou mettez son texte dans `title`)
title_for_unknown_language = clé inconnue `{ $key }` dans vitrine.toml : `{ $code }` ne fait pas partie de `languages`
add_language_or_remove = ajoutez "{ $code }" à `languages`, ou supprimez cette ligne
write_title_in = écrivez le titre du site en `{ $lang }`, ou supprimez la ligne pour afficher `title`
unknown_timezone = fuseau horaire inconnu `{ $name }`
use_iana_name = utilisez un nom IANA comme `Europe/Paris` ou `UTC`
unknown_image_format = format d'image inconnu `{ $format }`
base_url_not_absolute = `base_url` doit être une adresse complète qui commence par https:// ou http://

## Le thème et ses gabarits

theme_not_found = thème `{ $name }` introuvable dans themes/
theme_not_found_hint = utilisez `theme = "default"` ou créez themes/<nom>/templates/
template_syntax = un gabarit ne compile pas : { $detail }
template_syntax_hint = vérifiez les blocs {"{"}% %{"}"} du gabarit nommé ci-dessus
template_failed = le gabarit a échoué sur { $file } : { $detail }
fix_template = corrigez le gabarit (docs/templates.md décrit les valeurs qu'il reçoit)
static_link = ceci est un lien symbolique : vitrine ne suit pas les liens, il n'est donc pas publié
copy_instead_of_link = copiez ici le fichier ou le dossier au lieu de faire un lien
ui_strings_syntax = ces textes d'interface ne sont pas du TOML valide : { $detail }
no_ui_strings = aucun texte d'interface pour la langue `{ $lang }` ; ceux en anglais sont utilisés
ui_string_missing = la clé `{ $key }` manque dans { $file }
add_translated_string = ajoutez-la, traduite en `{ $lang }` (elle existe dans les textes en `{ $default }`)

## Ce qu'un site public doit publier, et la brochure

compliance_contradicts_rate = `compliance` vaut "{ $compliance }", mais un taux de { $rate } % de critères respectés donne "{ $level }"
rgaa_levels = selon le RGAA : 100 % donne "full", 50 % ou plus "partial", moins "none"
statement_without_contact = la déclaration d'accessibilité doit donner un moyen de joindre l'équipe du site
add_statement_contact = ajoutez `contact_email = "…"`, `contact_url = "https://…"` ou `contact_address = "…"`
not_site_path = `{ $value }` n'est pas un chemin du site
write_from_root = écrivez-le depuis la racine du site, par exemple "{ $path }"
counter_not_path_or_https = `counter` doit être un chemin du site (`/…`) ou une adresse qui commence par https://
brochure_failed = impossible de produire la brochure PDF : { $detail }
brochure_font = impossible de produire la brochure PDF : sa police `{ $face }` est illisible ({ $detail })
brochure_font_not_embedded = impossible de produire la brochure PDF : sa police `{ $face }` ne peut pas être incluse dans un PDF

## Le site construit

broken_link = lien `{ $href }` : { $reason }
external_link_failing = { $url } : { $error } (lien présent sur { $pages })

## La façon dont vitrine est lancé

config_unreadable = impossible de lire la configuration du site : { $error }
run_in_site = lancez vitrine dans le dossier d'un site, passez --root DOSSIER, ou créez un site avec `vitrine new site DOSSIER`
output_is_a_file = la sortie doit être un dossier, et ceci est un fichier
output_holds_site = le dossier de sortie remplacerait les fichiers du site lui-même
choose_output = choisissez un dossier de sortie comme `public`, qui ne contient que le site généré
output_unwritable = impossible de préparer le dossier de sortie : { $error }
output_not_swapped = impossible de mettre le nouveau site en place : { $error }
cannot_write = impossible d'écrire ce fichier : { $error }
cache_unusable = impossible de préparer le cache de construction : { $error }
cache_not_kept = le nouveau site est en place, mais son cache de construction ne peut pas être conservé : { $error }
cache_hint = supprimez ce dossier (la prochaine construction en refait un), ou construisez avec --no-cache
bad_source_date_epoch = SOURCE_DATE_EPOCH doit être un nombre de secondes, pas `{ $value }`
source_date_epoch_out_of_range = SOURCE_DATE_EPOCH est hors limites : { $error }
bad_base_url = l'adresse de base `{ $url }` n'est pas une URL : { $error }
site_exists = { $path } existe et n'est pas vide
entity_exists = { $path } existe déjà
cannot_create = impossible de créer { $path } : { $error }
brochure_unknown_language = `{ $lang }` n'est pas une langue de ce site
use_lang_one_of = indiquez à --lang { $languages }
brochure_unknown_parcours = il n'y a pas de parcours `{ $slug }`

## Résumés

built = { $pages } pages construites dans { $output }, à la date du { $today }, en { $seconds } s.
checked = Site vérifié, à la date du { $today }, en { $seconds } s.
problem_count = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}.
missing_translation = traduction manquante : { $lang } : { $file }
building = Construction…
checking = Vérification…
building_images = Construction… images { $done }/{ $total }
checking_images = Vérification… images { $done }/{ $total }
images_made = Images : { $sources } ({ $files } fichiers, { $encoded } encodés, { $cached } tirés du cache).
cache_damaged = { $count ->
    [one] 1 entrée abîmée du cache d'images a été refaite.
   *[other] { $count } entrées abîmées du cache d'images ont été refaites.
}
wrote_brochure = { $file } écrit en { $seconds } s.

## vitrine check --links

links_checked = { $internal } liens internes vérifiés sur { $pages } pages : { $broken } cassés ; { $external } liens externes, en { $seconds } s.
links_checked_external = { $internal } liens internes vérifiés sur { $pages } pages : { $broken } cassés ; { $external } liens externes, dont { $failing } en échec, en { $seconds } s.
external_listed = externe : { $url } ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
})
external_answered = externe : { $url } ({ $status }, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
})
link_no_page = il n'y a ni page ni fichier à /{ $path }
link_no_anchor = /{ $path } n'a pas d'élément d'identifiant `{ $fragment }`
link_runs_code = un lien `{ $scheme }` exécute ou intègre du code ; un site fait des liens vers des pages
link_not_url = `{ $href }` n'est pas une URL valide
server_answered = le serveur a répondu { $status }
server_silent = pas de réponse dans le délai imparti
host_not_found = l'hôte n'existe pas (DNS)
cannot_connect = connexion impossible : { $error }
not_checked = non vérifié

## vitrine serve

serve_fix_first = Corrigez les problèmes ci-dessus, puis relancez `vitrine serve`.
serve_rebuild_failed = La reconstruction a échoué ; le dernier site valide reste servi (les problèmes s'affichent dans le navigateur).
serve_built = { $pages } pages construites en mémoire en { $seconds } s.
serve_rebuilt = { $pages } pages reconstruites en mémoire en { $seconds } s.
serving_on = Site servi sur { $url } (Ctrl+C pour arrêter)
serving_to_network = avertissement : site servi sur { $address } : les autres machines du réseau peuvent lire ce site et ses brouillons
cannot_open_browser = avertissement : impossible d'ouvrir un navigateur : { $error }
cannot_listen = impossible d'écouter sur { $address } : { $error }
serve_no_thread = avertissement : impossible de lancer un fil pour une connexion ; elle est fermée
cannot_watch = impossible de surveiller { $path } : { $error }
watcher_failed = la surveillance des fichiers a échoué

## vitrine new, vitrine explain

created_site = Nouveau site créé dans { $dir }. Ensuite : vitrine serve --root { $dir }
created_entity = { $file } créé : remplissez ses champs, puis lancez `vitrine check`.
unknown_code = aucun problème n'a le code `{ $code }`
codes_are = les codes sont { $codes }

## Aide

about = Générateur de sites statiques pour catalogues de MOOC
usage_heading = Utilisation :
command_placeholder = COMMANDE
commands_heading = Commandes :
arguments_heading = Arguments :
options_heading = Options :
help_flag = Afficher l'aide
version_flag = Afficher la version
cmd_build = Construire le site dans le dossier de sortie.
cmd_check = Vérifier tout ce que `build` vérifie, sans rien écrire.
cmd_serve = Construire en mémoire, servir sur 127.0.0.1, reconstruire à chaque modification et recharger les pages ouvertes.
cmd_brochure = Écrire la brochure A4 à imprimer (PDF) d'un parcours, ou de tout le catalogue : une couverture, une section par MOOC, la grille de diffusion.
cmd_new = Créer un site, ou un fichier de contenu dans le site courant.
cmd_explain = Expliquer le code d'un problème (E012, W003…) : un exemple, ce qu'il signifie, comment le corriger.
cmd_new_site = Créer un site de départ : un contenu de chaque type, et les chaînes de déploiement.
cmd_new_entity = Créer { $kind ->
    [MOOC] un MOOC
    [parcours] un parcours
    [platform] une plateforme
    [institution] un établissement
    [schedule] un calendrier
   *[page] une page libre
} avec tous ses champs, commentés.
arg_root = Dossier du site (avec vitrine.toml) [par défaut : le dossier courant].
arg_output = Dossier de sortie [par défaut : ROOT/public].
arg_base_url = Adresse de base, à la place de celle de vitrine.toml (par exemple celle d'un déploiement de prévisualisation).
arg_today = Construire à cette date (AAAA-MM-JJ) pour les statuts ; par défaut : aujourd'hui dans le fuseau horaire du site, ou SOURCE_DATE_EPOCH.
arg_drafts = Inclure les contenus marqués `draft = true`.
arg_deny_warnings = Échouer (code 1) aussi sur les avertissements.
arg_format = Forme des problèmes : human (par défaut), json (un objet par ligne), github (commandes de workflow), gitlab (un rapport Code Quality, voir --report).
arg_report = Avec --format gitlab : le fichier de rapport à écrire [par défaut : gl-code-quality-report.json].
arg_missing_translations = Lister aussi les contenus qui n'ont pas de traduction dans chaque autre langue (un rapport sur la sortie standard, pas une erreur).
arg_minify = Réduire le HTML, le CSS et le JavaScript (ce qu'une page montre et dit ne change pas).
arg_no_cache = Écrire tous les fichiers et ne garder aucun cache de construction (par défaut, la construction en garde un à côté de la sortie, `.<sortie>.vitrine-cache/`, et n'écrit que les fichiers dont les octets changent ; le cache des images, --cache-dir, est gardé dans tous les cas).
arg_cache_dir = Où garder les images traitées d'une construction à l'autre [par défaut : VITRINE_CACHE_DIR, sinon `cache_dir` de vitrine.toml, sinon RACINE/.vitrine-cache].
arg_lang = Langue des messages : fr ou en [par défaut : VITRINE_LANG, sinon la langue par défaut du site].
arg_links = Construire aussi le site en mémoire et suivre chaque lien interne et chaque ancre de chaque page ; lister les liens externes.
arg_external = Avec --links : demander au serveur de chaque lien externe si la page existe (HEAD, puis GET).
arg_timeout = Avec --external : secondes avant de considérer qu'un serveur ne répond pas [par défaut : 10].
arg_per_host = Avec --external : requêtes simultanées vers un même hôte [par défaut : 2].
arg_port = Port d'écoute (0 : n'importe quel port libre) [par défaut : 1111].
arg_bind = Adresse d'écoute [par défaut : 127.0.0.1] ; toute autre que 127.0.0.1 ou `::1` rend le site (brouillons compris) accessible depuis d'autres machines.
arg_open = Ouvrir le site dans le navigateur par défaut.
arg_debounce = Millisecondes sans modification avant de reconstruire [par défaut : 20].
arg_dir = Dossier à créer.
arg_slug = Slug du nouveau contenu : son nom de fichier (a-z, 0-9, tirets).
arg_code = Le code d'un problème, comme E012.
arg_parcours = Slug du parcours (un fichier de content/parcours/ sans .md) ; sans lui, tous les MOOC du catalogue.
arg_brochure_lang = Langue de la brochure, l'une de celles du site [par défaut : la langue par défaut du site] ; les messages sont aussi dans cette langue si c'est fr ou en.
arg_brochure_output = Fichier PDF à écrire [par défaut : brochure-PARCOURS-LANGUE.pdf, brochure-LANGUE.pdf pour le catalogue].

## Erreurs dans la ligne de commande

bad_argument = argument inattendu `{ $arg }`
bad_subcommand = commande inconnue `{ $name }`
bad_value = `{ $value }` n'est pas une valeur de { $arg } : utilisez { $choices }
missing_argument = { $arg } est obligatoire
invalid_date = `{ $value }` n'est pas une date de la forme AAAA-MM-JJ
similar_exists = vouliez-vous dire `{ $name }` ?
try_help = pour en savoir plus, essayez `--help`.

## Fichiers écrits par vitrine new (commentaires au-dessus de chaque clé, valeurs à remplacer)

sc_header = { $kind ->
    [MOOC] Un MOOC
    [parcours] Un parcours : des MOOC qui mènent ensemble à un titre
    [platform] Une plateforme où l'on suit des MOOC
    [institution] Un établissement qui produit des MOOC
    [schedule] Un calendrier de diffusion : les MOOC par période, d'après leurs sessions
   *[page] Une page libre
}. Chaque commentaire explique la clé en dessous ; toutes les clés sont dans docs/writing-content.md.
sc_optional = Les lignes `# clé = …` sont facultatives : enlevez le `# ` pour vous en servir.
sc_missing = il n'existe encore { $kind ->
    [platform] aucune plateforme
    [institution] aucun établissement
    [parcours] aucun parcours
   *[MOOC] aucun MOOC
} : créez-en un avec `{ $command }`, puis nommez-le ici.
sc_config_header = Les réglages du site. Chaque commentaire explique la clé en dessous ; voir docs/writing-content.md.
sc_home_header = Le texte de la page d'accueil, au-dessus des MOOC à la une.
c_title = Le titre du site, dans la langue par défaut.
c_title_other = Le titre du site dans la langue `{ $lang }`.
c_base_url = L'adresse où le site est publié (vitrine build --base-url la remplace, pour une prévisualisation).
c_default_language = La langue des fichiers de content/ dont le nom n'indique pas de langue.
c_languages = Toutes les langues du site ; un fichier `<slug>.<langue>.md` traduit un fichier.
c_theme = Le thème : "default" est intégré à vitrine ; un autre est un dossier de themes/.
c_timezone = Le fuseau horaire dans lequel on compte « aujourd'hui » pour les statuts (ouvert, archivé…).
c_search = false retire la recherche et son index.
c_paginate_by = Nombre de MOOC par page de la liste complète.
c_safe_html = true retire les scripts, les cadres et les styles du HTML écrit dans les textes.
c_images = Les images produites à partir des couvertures et des logos : largeurs en pixels, formats, qualité.
c_duties = Ce qu'un site public doit publier (docs/writing-content.md) : remplissez ces lignes et enlevez les `#` ; le pied de chaque page mène alors aux pages.
c_compliance = La déclaration d'accessibilité : "full" (totalement conforme), "partial" (partiellement) ou "none" (non conforme, en attendant un audit).
c_statement_date = La date de la déclaration.
c_accessibility_contact = Comment joindre l'équipe à propos de l'accessibilité (ou contact_url, contact_address).
c_publisher = Les mentions légales et la page de confidentialité : qui publie le site.
c_director = Le directeur ou la directrice de la publication : un nom ou une fonction.
c_host = L'hébergeur du site (son nom ; host_address, host_phone peuvent suivre).
c_legal_contact = Une adresse électronique ou web pour joindre l'éditeur.
c_brochure = Une brochure PDF à imprimer à côté de la page de ces parcours (sans `parcours` : tous les parcours).
c_brochure_parcours = Les slugs des parcours.
f_title = Le titre, tel que les pages l'affichent.
f_short_title = Un nom court ou un sigle.
f_summary = Une ou deux phrases de texte simple, 300 caractères au plus : les listes, les cartes et les résultats de recherche l'affichent.
f_draft = true garde ce fichier hors du site (vitrine build --drafts le montre).
f_updated = La dernière fois que vous avez changé le texte de façon notable : la date de la page dans le plan du site et les flux.
f_category = Ce qu'il est, pour les moteurs de recherche : "higher-education" (une université, une école), "education" (par défaut : tout autre organisme qui enseigne) ou "organization".
f_cover = Une image : un fichier à côté d'index.md dans un dossier de page (content/<type>/<slug>/index.md), ou dans static/.
f_cover_alt = Ce que montre l'image, pour les personnes qui ne la voient pas (obligatoire avec cover).
f_logo = Un logo : un fichier de static/ (ou à côté d'index.md dans un dossier de page).
f_logo_alt = Ce que montre le logo, en mots (obligatoire avec logo).
f_website = L'adresse du site web.
f_institutions = Les établissements qui le produisent : des slugs de content/institutions/ (noms de fichier sans .md).
f_languages = Les langues dans lesquelles il est enseigné : des codes comme "fr", "en".
f_subtitles = Les langues des sous-titres des vidéos.
f_platform = Où on le suit : un slug de content/platforms/ (ou une plateforme dans chaque session).
f_subjects = Ses thèmes, en mots ; chaque thème a une page qui liste ses MOOC.
f_level = "beginner" (débutant), "intermediate" (intermédiaire) ou "advanced" (avancé).
f_effort = Heures de travail par semaine.
f_duration = Durée, en semaines.
f_teachers = Les noms des enseignants.
f_featured = true le met en tête de la page d'accueil.
f_prerequisites = Ce qu'il faut savoir avant.
f_aliases = Anciennes adresses de cette page, qui redirigent ici, par exemple "/cours/ancien-nom/".
f_published = Quand il est entré au catalogue (flux, badges « nouveau »).
f_awards = Les prix qu'il a reçus.
f_trailer = L'adresse d'une vidéo de présentation.
f_certificate = Ce que l'on peut obtenir (supprimez toute la table s'il n'y a rien).
f_free_attestation = true : une attestation de réussite gratuite.
f_price = Le prix du parcours certifiant, en `currency`.
f_currency = Un code ISO 4217 : EUR, USD, CHF…
f_proctored = true : l'examen est surveillé à distance.
f_exam_minutes = La durée de l'examen, en minutes.
f_exam_questions = Le nombre de questions de l'examen.
f_pass_mark = Les bonnes réponses qu'il faut pour réussir (au plus exam_questions).
f_ects = Les crédits ECTS délivrés.
f_sessions = Une table [[sessions]] par session du cours : copiez-la pour la suivante.
f_start = Une date (2026-09-14) ou, tant que les dates ne sont pas connues, un trimestre ("2026-T3") ou un mois ("2026-09").
f_end = Le dernier jour : obligatoire avec un début précis, sauf si pacing = "self".
f_enrollment_start = L'ouverture des inscriptions (par défaut, tout de suite).
f_enrollment_end = La clôture des inscriptions (par défaut, à la fin).
f_exam_start = L'ouverture de l'examen certifiant.
f_exam_end = La clôture de l'examen certifiant.
f_session_url = L'adresse où l'on s'inscrit.
f_pacing = "instructor" (encadré par l'équipe, du début à la fin) ou "self" (à son rythme).
f_session_platform = Une autre plateforme, pour cette session seulement.
f_cancelled = true affiche la session comme annulée.
f_enrollments = Le nombre d'inscrits à cette session.
f_moocs = Ses MOOC, dans l'ordre : des slugs de content/moocs/ (d'habitude, au moins 3).
f_core = Les MOOC obligatoires, parmi `moocs`.
f_core_required = Combien de MOOC de `core` le titre exige (par exemple 1 des 3 MOOC phares) ; sans cette clé, tous.
f_required = Le nombre de MOOC à réussir pour le titre : du nombre de MOOC obligatoires (ou `core_required`) au nombre de MOOC.
f_credential = "certificate" (certificat), "diploma" (diplôme), "ects" ou "none" (aucun).
f_credential_name = Le nom du titre délivré.
f_parcours_ects = Les crédits ECTS de tout le parcours.
f_parcours_price = Le prix de tout le parcours (ou par examen : dites-le dans price_note).
f_price_note = Ce que couvre le prix.
f_schedule = Son calendrier de diffusion : un slug de content/schedules/.
f_progression = "any" (les MOOC dans l'ordre de son choix) ou "ordered" (dans l'ordre de `moocs`).
f_partners = Les établissements partenaires : des slugs de content/institutions/.
f_audience = "francophone", "international", ou vos propres mots.
f_model = "public", "non-profit" (à but non lucratif) ou "for-profit" (commercial).
f_based_on = Le logiciel sur lequel elle fonctionne.
f_platform_pacing = Les rythmes qu'elle propose : "instructor", "self".
f_learners = Son nombre d'apprenants.
f_learners_year = L'année de ce nombre.
f_certification = Ce que sont ses certificats, en mots.
f_parent = Son groupe, si c'est une école d'un groupe : un slug de content/institutions/.
f_country = Son pays : un code ISO 3166 comme FR, BE, CA.
f_schedule_parcours = Un parcours dont les MOOC sont les lignes : un slug de content/parcours/.
f_schedule_moocs = Ou les MOOC des lignes, dans l'ordre.
f_granularity = "quarter" (trimestres) ou "month" (mois) : les colonnes.
f_from = La première période affichée ("2026-T1", ou "2026-01" par mois) ; par défaut, celle de la première session.
f_to = La dernière période affichée ; par défaut, celle de la dernière session.
f_version = La date de cette version du calendrier.
f_note = Une remarque affichée sous la grille.
f_weight = L'ordre dans le menu (les plus petits d'abord).
f_menu = true met la page dans le menu du site.
v_summary = { $kind ->
    [MOOC] Ce que l'on apprend dans ce cours, en une ou deux phrases.
    [parcours] Ce à quoi mènent ces MOOC, en une ou deux phrases.
    [platform] À qui s'adresse la plateforme, en une ou deux phrases.
   *[page] Ce dont parle cette page, en une phrase.
}
v_body = { $kind ->
    [MOOC] La présentation du cours : son programme semaine par semaine, son équipe, ce que l'on y fait.
    [parcours] Comment fonctionne le parcours : quels MOOC, dans quel ordre, et comment obtenir le titre.
    [platform] À propos de la plateforme.
    [institution] À propos de l'établissement.
    [schedule] À propos de ce calendrier.
   *[page] Le texte de la page, en Markdown.
}
v_subject = Découverte
v_teacher = Prénom Nom
v_prerequisites = Aucun : le cours part des bases.
v_award = Nom du prix, année
v_credential_name = Nom du certificat
v_price_note = Par examen.
v_certification = Attestations de réussite.
v_note = Ce calendrier peut changer.
v_site_title = Catalogue des MOOC
v_home_title = Nos MOOC
v_home_body = Bienvenue dans notre catalogue de cours en ligne.
s_institution = mon-ecole
s_platform = ma-plateforme
s_mooc_1 = premier-mooc
s_mooc_2 = deuxieme-mooc
s_mooc_3 = troisieme-mooc
s_parcours = mon-parcours
s_schedule = calendrier
s_page = a-propos

licence_url_not_absolute = `licence_url` doit être une adresse complète qui commence par https:// ou http://
licence_url_example = par exemple `licence_url = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"`
csv_separator_unknown = `csv_separator` vaut `";"` ou `","`, pas `{ $value }`
csv_separator_choice = `;` pour Excel en français (et dans la plupart des réglages européens), `,` pour Excel en anglais
card_font_not_font = ce n'est pas une police TrueType ou OpenType
card_font_what = mettez ici une police .ttf ou .otf (elle dessine les images de partage des pages sans couverture)
