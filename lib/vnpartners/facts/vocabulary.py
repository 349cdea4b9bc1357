"""Every word list the fact rules use, written once.

The rules (:mod:`.events`, :mod:`.figures`, :mod:`.partnerships`, :mod:`.dates`, ...) build their
regexes and quick tests from these lists (:class:`~vnpartners.facts.words.Words`), so a word added
here reaches the rule, its prefilter and its tests in one edit. Forms are matched case-insensitively
as whole words; ``*`` lets a word go on, ``<n>`` is a number (see :mod:`.words`).
"""

from __future__ import annotations

from .words import Words

# --------------------------------------------------------------------------------------- events
#: kinds of dated events with their keywords, highest priority first: a date takes the kind of the
#: highest-priority keyword it owns (see :mod:`vnpartners.facts.events`). ``partnership`` (a level
#: phrase) ranks just below ``agreement_signing``; ``meeting`` appears twice: as a verb it ranks high.
EVENT_WORDS: tuple[tuple[str, Words], ...] = (
    ("phone_call", Words("panggilan telepon", "pembicaraan telepon", "percakapan telepon", "menelepon*", "ditelepon",
                         "bertelepon", "telepon", "phone call*", "called")),
    ("talks", Words("pembicaraan", "perundingan", "berunding", "talks")),
    ("visit", Words("kunjungan*", "mengunjungi", "berkunjung", "dikunjungi", "lawatan*", "melawat", "bertandang",
                    "visit*")),
    ("meeting", Words("bertemu", "met with")),
    ("joint_statement", Words("pernyataan bersama", "komunike bersama", "deklarasi bersama", "joint statement",
                              "joint declaration")),
    ("trade_agreement", Words("perjanjian perdagangan bebas", "kawasan perdagangan bebas", "*FTA", "free trade",
                              "RCEP", "CPTPP", "CEPA", "perjanjian kemitraan ekonomi")),
    ("treaty", Words("perjanjian tentang", "perjanjian persahabatan", "traktat", "treaty")),
    ("agreement_signing", Words("menandatangani", "penandatanganan", "ditandatangani*", "nota kesepahaman", "MoU",
                                "signed")),
    ("anniversary", Words("peringatan", "memperingati", "ulang tahun", "hari jadi", "HUT", "perayaan", "merayakan",
                          "<n> tahun hubungan", "<n> tahun terjalinnya hubungan", "anniversary")),
    ("diplomatic_relations", Words("hubungan diplomatik", "diplomatic relations", "diplomatic ties")),
    ("multilateral_meeting", Words("KTT", "konferensi tingkat tinggi", "summit", "BRICS", "APEC", "G20", "G-20", "G7",
                                   "G-7", "SCO", "pekan puncak", "sidang umum", "majelis umum")),
    ("meeting", Words("pertemuan", "sidang", "rapat", "dialog", "konferensi", "meeting")),
    ("cultural_event", Words("hari budaya", "pekan budaya", "festival", "pameran", "karnaval", "pertunjukan", "konser",
                             "cultural")),
)

# --------------------------------------------------------------------------------------- quantities
#: currencies written before the number ("US$7,7 miliar", "Rp272 triliun"), each -> its ISO 4217 code
CURRENCY_BEFORE: dict[str, str] = {"US$": "USD", "USD": "USD", "$": "USD", "Rp": "IDR", "Rp.": "IDR", "IDR": "IDR"}
#: currencies written after the number ("3,63 miliar USD", "46,2 miliar dolar AS"), each -> its code
CURRENCY_AFTER: dict[str, str] = {
    "USD": "USD", "US$": "USD", "dolar AS": "USD", "dolar Amerika": "USD", "dolar Amerika Serikat": "USD",
    "dollar AS": "USD", "dollar Amerika": "USD", "dolar": "USD", "dollar": "USD", "rupiah": "IDR", "IDR": "IDR",
}
#: "dolar <country>": dollars that are not US dollars keep their own code
OTHER_DOLLARS: dict[str, str] = {"australia": "AUD", "singapura": "SGD", "kanada": "CAD", "taiwan": "TWD",
                                 "brunei": "BND"}
#: a percentage after a number
PERCENT = Words("%", "persen", "per sen")
#: a multiple after a number ("4 kali lipat")
FOLD = Words("kali lipat")
#: counted nouns after a number and the unit they give
PERSON_NOUNS = frozenset({
    "orang", "jiwa", "delegasi", "delegasinya", "peserta", "wisatawan", "turis", "pengunjung", "pelancong", "mahasiswa",
    "pelajar", "siswa", "warga", "pekerja", "tenaga", "pemimpin", "ilmuwan", "insinyur", "tamu", "anggota",
    "relawan", "people", "persons", "tourists", "visitors", "students", "delegates",
})
PROJECT_NOUNS = frozenset({"proyek", "projects", "project"})
DOCUMENT_NOUNS = frozenset({"dokumen", "perjanjian", "nota", "mou", "kesepakatan", "naskah", "kontrak", "documents",
                            "agreements", "deals"})
COUNT_NOUNS = frozenset({
    "kegiatan", "acara", "hubungan", "penerbangan", "perusahaan", "beasiswa", "kota", "provinsi", "mitra", "negara",
    "kunjungan", "events", "activities", "flights", "companies", "scholarships", "countries", "partners",
})
#: counted nouns that make a number no figure: durations and the like ("75 tahun", "8 hari", '"16 kata"')
NOT_FIGURE_NOUNS = frozenset({"tahun", "bulan", "hari", "minggu", "pekan", "jam", "menit", "detik", "abad", "dekade",
                              "windu", "years", "year", "months", "days", "weeks", "hours", "tahunan", "kata", "lagi",
                              "barang"})
#: counted nouns that are a figure only when the sentence says what is counted (not "4 negara" visited)
NEEDS_METRIC_NOUNS = frozenset({"negara", "mitra", "countries", "partners", "kunjungan"})

# --------------------------------------------------------------------------------------- figures
#: words before a bare number that make it a value ("mencapai 37", "menjadi 37")
VALUE_VERBS = Words("mencapai", "capai", "menjadi", "sebesar", "sebanyak", "berjumlah", "sekitar", "kira-kira",
                    "sekira", "lebih dari", "hampir", "nyaris", "kurang dari", "melampaui", "melebihi", "menembus",
                    "tembus", "senilai", "total", "adalah", "yaitu", "setidaknya", "reached", "to", "about")
#: a qualifier that may stand between a value verb and its number ("mencapai lebih dari 5.000")
VALUE_VERB_TAIL = Words("lebih dari", "sekitar", "hampir", "sebesar")
#: qualifiers right before a number; "hampir" (almost N) says the value is a little under N
QUALIFIER_WORDS: dict[str, Words] = {
    "more_than": Words("lebih dari", "melampaui", "melebihi", "di atas", "setidaknya", "sedikitnya", "paling sedikit",
                       "more than", "over", "above", "at least"),
    "less_than": Words("kurang dari", "di bawah", "hampir", "nyaris", "mendekati", "less than", "under", "almost",
                       "nearly"),
    "approx": Words("sekitar", "kira-kira", "kurang lebih", "lebih kurang", "sekira", "around", "about",
                    "approximately", "roughly", "±"),
}
#: words before a number that make it a rank or a code, not a value ("peringkat 4", "pasal 12")
ORDINAL_WORDS = Words("nomor", "pasal", "ayat", "tahap", "fase", "angkatan", "halaman", "kelas", "edisi", "sesi",
                      "putaran", "peringkat")
#: what a number measures, by the words around it
TOURISM = Words("wisatawan", "turis", "pelancong", "pengunjung", "kedatangan", "tourist", "tourists", "visitor",
                "visitors", "arrival", "arrivals")
TOURIST_NOUNS = Words("wisatawan", "turis", "pengunjung", "pelancong", "tourist", "tourists", "visitor", "visitors")
GROWTH = Words("meningkat", "naik", "tumbuh", "pertumbuhan", "kenaikan", "peningkatan", "melonjak", "turun",
               "menurun", "penurunan", "growth", "grew", "rose", "increase", "increases", "increased")
#: money words by family, in the order they are tried at one place ("ekspor-impor" is trade, not exports)
MONEY_WORDS: dict[str, Words] = {
    "trade": Words("ekspor-impor", "ekspor dan impor", "impor-ekspor", "impor dan ekspor", "omzet", "perdagangan",
                   "dagang", "trade", "turnover"),
    "exports": Words("ekspor", "mengekspor", "export", "exports"),
    "imports": Words("impor", "mengimpor", "import", "imports"),
    "invest": Words("modal", "investasi", "berinvestasi", "penanaman modal", "FDI", "investment", "investments",
                    "capital"),
}
TARGET = Words("target", "menargetkan", "ditargetkan", "sasaran", "targets")
STUDENTS = Words("mahasiswa", "pelajar", "siswa", "student", "students")
SCHOLARSHIPS = Words("beasiswa", "scholarship", "scholarships")
PER_YEAR = Words("per tahun", "setiap tahun", "tiap tahun", "per year", "each year", "a year", "annually", "tahunan")
COMMUNITY = Words("komunitas", "diaspora", "perantau", "community")
SIGNED = Words("ditandatangani", "menandatangani", "penandatanganan", "tandatangani", "diteken", "meneken", "signed")
INVESTMENT_PROJECTS = Words("investasi", "berinvestasi", "penanaman modal", "FDI", "investment", "valid")
COUNT_CUES = Words("jumlah", "total", "menjadi", "sebanyak", "memiliki", "number")
#: "mitra strategis" used loosely for a count of partners ("jumlah mitra strategis menjadi 37")
LOOSE_LEVEL = Words("mitra strategis", "strategic partners")
#: the present ("saat ini memiliki 16 proyek"): an undated stock is of the article's year
PRESENT = Words("saat ini", "kini", "sekarang", "dewasa ini", "currently", "now")
#: both sides ("kedua negara", "bilateral"): an unnamed figure between the two countries
BILATERAL = Words("kedua negara", "bilateral", "antarwilayah", "dua arah", "two-way", "antara <w> dan")
#: a place word before a country ("di Vietnam", "ke Rusia", "untuk Vietnam")
PLACE_WORDS = Words("di", "ke", "dalam", "in", "into", "to", "untuk", "bagi", "kepada")
#: a comparison baseline ("dibandingkan periode yang sama tahun 2023"): not the period of a figure
COMPARED = Words("dibandingkan", "dibanding", "ketimbang", "compared")
#: number words (first N months: "enam bulan pertama")
NUMBER_WORDS: dict[str, int] = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
                                "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11}
QUARTER_WORDS = Words("kuartal", "triwulan", "quarter")
#: quarter numbers as written: "kuartal pertama", "kuartal I", "kuartal 1"
QUARTER_NUMBERS: dict[str, int] = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "i": 1, "ii": 2, "iii": 3,
                                   "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
HALF_YEAR = Words("semester pertama", "paruh pertama", "enam bulan pertama")
#: "selama (bulan) Oktober": the month itself, not January to October
SINGLE_MONTH = Words("selama", "sepanjang", "dalam")
#: words that join the items of a list ("Kazakhstan, Azerbaijan dan Belarus")
AND_WORDS = Words("dan", "serta", "and")

# --------------------------------------------------------------------------------------- mentions
#: a word right before a country name that makes it a language ("bahasa Inggris"), not the country
LANGUAGE_WORDS = ("bahasa", "berbahasa")
#: currency names written before a country ("dolar AS", "yen Jepang"): a currency, not the country
CURRENCY_NAME_WORDS = ("dolar", "dollar", "yen", "yuan", "renminbi", "rubel", "won", "ringgit", "baht", "peso",
                       "rupee", "dong", "pound", "poundsterling", "franc", "frank", "krona", "lira", "riyal", "dirham")
#: news outlets and broadcasters whose names hold a country name (the outlet is not the country)
MEDIA_NAMES = Words("CNN Indonesia", "Vietnam News", "Vietnam Television", "Vietnam Times", "Voice of Vietnam",
                    "China Central Television", "China Central Radio and Television", "China Daily", "Japan Times",
                    "Korea Herald", "Russia Today", "Radio Free Asia")

# --------------------------------------------------------------------------------------- partnership levels
#: the nouns of a level's name ("Kemitraan Strategis", "Mitra Strategis Komprehensif")
PARTNERSHIP_NOUNS = Words("kemitraan", "mitra")
#: "kerja sama" inserted in a level's name ("Kemitraan Kerja Sama Strategis Komprehensif")
COOPERATION = Words("kerja sama", "kerjasama")
STRATEGIC = Words("strategis")
COMPREHENSIVE = Words("komprehensif", "menyeluruh")
#: "yang"/"nan" (a misprint of "yang" in Indonesian news) before an adjective of a level
RELATIVE = Words("yang", "nan")
#: English names of the levels, highest first (the plural counts too)
ENGLISH_LEVELS: dict[str, Words] = {
    "comprehensive_strategic_cooperative": Words("comprehensive strategic cooperative partnership",
                                                 "comprehensive strategic cooperative partnerships",
                                                 "comprehensive strategic cooperative partner",
                                                 "comprehensive strategic cooperative partners"),
    "comprehensive_strategic": Words("comprehensive strategic partnership", "comprehensive strategic partnerships",
                                     "comprehensive strategic partner", "comprehensive strategic partners"),
    "strategic": Words("strategic partnership", "strategic partnerships"),
    "comprehensive": Words("comprehensive partnership", "comprehensive partnerships"),
}
#: "Kemitraan Komprehensif" that is a trade agreement's name: a word before it, or after it
AGREEMENT_BEFORE = ("perjanjian", "agreement")
AGREEMENT_AFTER = Words("dan progresif", "regional", "ekonomi", "trans")
#: verbs that raise a level ("meningkatkan hubungan menjadi ...")
UPGRADE_VERBS = Words("meningkatkan", "ningkatkan", "tingkatkan", "ditingkatkan", "peningkatan", "menaikkan",
                      "naikkan", "dinaikkan", "naik", "mengangkat", "angkat", "diangkat", "upgrade", "upgraded",
                      "upgrades", "upgrading", "elevat*", "raise", "raised", "raising")
#: the word that leads to the level reached ("menjadi", "ke tingkat", "to")
UPGRADE_TO = Words("menjadi", "jadi", "ke", "ke tingkat", "ke level", "ke tataran", "ke jenjang", "ke status", "to",
                   "into")
#: a noun between that word and the level ("menjadi tingkat Kemitraan ...", "to a Comprehensive ...")
UPGRADE_TO_NOUNS = Words("tingkat", "level", "status", "hubungan", "a", "an", "the")
#: verbs that set a level up
ESTABLISH_VERBS = Words("menjalin", "jalin", "membentuk", "bentuk", "pembentukan", "mendirikan", "pendirian",
                        "menetapkan", "penetapan", "meresmikan", "resmikan", "peresmian", "establish", "established",
                        "establishes", "establishing", "establishment", "launch", "launched")
#: passive forms after a level ("... yang dijalin pada tahun 2001")
ESTABLISHED_AFTER = Words("dijalin", "dibentuk", "ditetapkan", "terjalin", "terbentuk", "didirikan", "diresmikan",
                          "established", "was established")
#: verbs that strengthen an existing level
DEEPEN_VERBS = Words("memperdalam", "diperdalam", "pendalaman", "perdalam", "memperkuat", "diperkuat", "penguatan",
                     "perkuat", "mempererat", "mengukuhkan", "memperkokoh", "memajukan", "pemajuan", "peningkatan",
                     "meningkatkan", "tingkatkan", "deepen", "deepened", "deepening", "deepens", "strengthen",
                     "strengthened", "strengthening", "strengthens", "enhance", "enhanced", "enhancing")
DEEPENED_AFTER = Words("diperdalam", "diperkuat", "dipererat")
#: words between a verb and a level that show the level is not the verb's object
#: ("meningkatkan omzet ... sepadan dengan kemitraan strategis" is no deepening)
NOT_OBJECT_WORDS = Words("dengan", "sepadan", "sesuai", "untuk", "bagi", "pada", "di", "dalam", "atas", "dari", "ke",
                         "layak", "seperti", "yaitu", "with", "for", "in", "of", "to")
#: words after a level that lead to its partner ("kemitraan strategis dengan Jepang", "antara ... dan")
PARTNER_LINKS = Words("dengan", "antara", "between", "with", "bersama")
#: words before a date that make it no date of a level: a comparison, or a deadline ("hingga 2030")
NOT_LEVEL_DATE_BEFORE = COMPARED + Words("hingga", "sampai")

# --------------------------------------------------------------------------------------- dates
#: Indonesian and English month names and their short forms, by month (exact spellings; a misspelt
#: long name is read by edit distance in :mod:`.dates`)
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("januari", "january", "jan"),
    ("februari", "pebruari", "february", "feb", "peb"),
    ("maret", "march", "mar", "mrt"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("agustus", "august", "agu", "agt", "ags", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nopember", "nov", "nop"),
    ("desember", "december", "des", "dec"),
)
#: month name (lower case) -> month number
MONTHS: dict[str, int] = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
#: weekdays, Indonesian then English ("Kamis, 20 Juni 2024")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: words between the two ends of a range ("8 hingga 11 Mei", "Januari s.d. Oktober"), besides dashes
RANGE_WORDS = ("hingga", "sampai", "sampai dengan", "s.d.", "s.d", "sd.", "sd", "s/d", "to", "until")
#: words that join two days or years as a pair ("14 dan 15 Januari", "tahun 2022 dan 2023")
PAIR_WORDS = ("dan", "and")
#: words before a bare year that make it a date ("pada 2019", "sejak 2019", "akhir 2023")
YEAR_CUES = ("pada", "sejak", "semenjak", "selama", "periode", "awal", "akhir", "pertengahan", "in", "since", "during")
#: "tahun" and its short forms before a year ("tahun 2001", "thn. 2001")
YEAR_WORDS = ("tahun", "thn", "thn.")
