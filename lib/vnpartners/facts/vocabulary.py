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
    ("talks", Words("pembicaraan", "perundingan", "berunding", "berdiskusi", "menggelar diskusi", "mengadakan diskusi",
                    "talks")),
    # a courtesy call is a meeting, not a visit ("kunjungan kehormatan kepada Gubernur ...")
    ("meeting", Words("kunjungan kehormatan", "courtesy call")),
    ("visit", Words("kunjungan*", "mengunjungi", "berkunjung", "dikunjungi", "lawatan*", "melawat", "bertandang",
                    "visit*")),
    # receiving a person is a meeting ("menerima Duta Besar Republik Austria"); receiving a thing is not
    ("meeting", Words("bertemu", "met with", "menerima Duta Besar", "menerima Dubes", "menerima Ketua",
                      "menerima Wakil", "menerima Menteri", "menerima Presiden", "menerima Perdana Menteri",
                      "menerima PM", "menerima Sekretaris", "menerima Sultan", "menerima Raja", "menerima Putra Mahkota",
                      "menerima Gubernur", "menerima delegasi", "menerima rombongan", "menerima para",
                      "menerima Bapak", "menerima Ibu", "menerima Yang Mulia", "menerima (Dubes)", "menerima mantan",
                      "menerima Kepala", "menerima Direktur", "menerima Pangeran", "menerima Panglima", "sesi kerja")),
    ("joint_statement", Words("pernyataan bersama", "komunike bersama", "deklarasi bersama", "joint statement",
                              "joint declaration")),
    ("trade_agreement", Words("perjanjian perdagangan bebas", "kawasan perdagangan bebas", "*FTA", "free trade",
                              "RCEP", "CPTPP", "CEPA", "perjanjian kemitraan ekonomi")),
    ("treaty", Words("perjanjian tentang", "perjanjian persahabatan", "traktat", "treaty")),
    ("agreement_signing", Words("menandatangani", "penandatanganan", "ditandatangani*", "nota kesepahaman", "MoU",
                                "signed")),
    ("anniversary", Words("peringatan", "memperingati", "ulang tahun", "ultah", "hari jadi", "HUT", "perayaan", "merayakan",
                          "<n> tahun hubungan", "<n> tahun terjalinnya hubungan", "anniversary")),
    ("diplomatic_relations", Words("hubungan diplomatik", "diplomatic relations", "diplomatic ties")),
    ("multilateral_meeting", Words("KTT", "konferensi tingkat tinggi", "summit", "BRICS", "APEC", "G20", "G-20", "G7",
                                   "G-7", "SCO", "pekan puncak", "sidang umum", "majelis umum")),
    ("meeting", Words("pertemuan", "sidang", "persidangan", "rapat", "dialog", "konferensi", "meeting")),
    ("cultural_event", Words("hari budaya", "pekan budaya", "festival", "pameran", "karnaval", "pertunjukan", "konser",
                             "cultural")),
)
#: the visit words of :data:`EVENT_WORDS` ("kunjungan", "mengunjungi", "lawatan" ...)
VISIT_WORDS = next(words for kind, words in EVENT_WORDS if kind == "visit")

# --------------------------------------------------------------------------------------- quantities
#: currencies, each with its ISO 4217 code: the forms written before the number ("US$7,7 miliar",
#: "Rp272 triliun", "€3 miliar") and after it ("3,63 miliar USD", "46,2 miliar dolar AS", "3 miliar euro").
#: A bare "dolar" is the US dollar; "dolar <country>" is that country's dollar (:data:`OTHER_DOLLARS`).
CURRENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("US$", "USD", "$", "AS$"),
            ("USD", "US$", "dolar AS", "dolar Amerika", "dolar Amerika Serikat", "dollar AS", "dollar Amerika", "dolar",
             "dollar")),
    "IDR": (("Rp", "Rp.", "IDR"), ("rupiah", "IDR")),
    "EUR": (("€", "EUR"), ("euro", "EUR")),
    "CHF": (("CHF",), ("franc Swiss", "CHF")),
    "CNY": (("CNY", "RMB"), ("yuan", "renminbi", "CNY", "RMB")),
    "JPY": (("JPY",), ("yen", "JPY")),
    "KRW": (("KRW",), ("won", "KRW")),
    "GBP": (("£", "GBP"), ("pound sterling", "poundsterling", "GBP")),
    "RUB": (("RUB",), ("rubel", "rubel Rusia", "RUB")),
    "VND": (("VND",), ("VND", "dong Vietnam")),
    "INR": (("INR",), ("rupee India", "INR")),
    "MYR": (("RM", "MYR"), ("ringgit", "MYR")),
    "THB": (("THB",), ("baht", "THB")),
    "SEK": (("SEK",), ("krona Swedia", "SEK")),
    "NOK": (("NOK",), ("krone Norwegia", "NOK")),
    "DKK": (("DKK",), ("krone Denmark", "DKK")),
    "PLN": (("PLN",), ("zloty", "PLN")),
    "AUD": (("A$", "AUD"), ("AUD",)),
    "SGD": (("S$", "SGD"), ("SGD",)),
    "CAD": (("C$", "CAD"), ("CAD",)),
    "SAR": (("SAR",), ("riyal Saudi", "SAR")),
    "QAR": (("QAR",), ("riyal Qatar", "QAR")),
    "KWD": (("KWD",), ("dinar Kuwait", "KWD")),
    "AED": (("AED",), ("dirham", "AED")),
}
#: "dolar <country>": dollars that are not US dollars keep their own code
OTHER_DOLLARS: dict[str, str] = {"australia": "AUD", "singapura": "SGD", "kanada": "CAD", "taiwan": "TWD",
                                 "brunei": "BND", "hong kong": "HKD", "selandia baru": "NZD"}
#: currency form before the number -> code; after the number -> code
CURRENCY_BEFORE: dict[str, str] = {form: code for code, (before, _) in CURRENCIES.items() for form in before}
CURRENCY_AFTER: dict[str, str] = {form: code for code, (_, after) in CURRENCIES.items() for form in after}
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
#: weights after a number: trade in goods is often given as a volume ("6 juta ton jagung")
TONNE_NOUNS = frozenset({"ton", "tons", "tonnes", "tonne"})
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
#: a change of a figure: a rise, or a fall (a fall's percentage is a negative growth: "turun 12%" is -12)
GROWTH_UP = Words("meningkat", "naik", "tumbuh", "pertumbuhan", "kenaikan", "peningkatan", "melonjak", "growth", "grew",
                  "rose", "increase", "increases", "increased")
GROWTH_DOWN = Words("turun", "menurun", "penurunan", "merosot", "anjlok", "berkurang", "melemah", "fell", "declined",
                    "decline", "decrease", "decreased", "dropped")
GROWTH = GROWTH_UP + GROWTH_DOWN
#: money words by family, in the order they are tried at one place ("ekspor-impor" is trade, not exports)
MONEY_WORDS: dict[str, Words] = {
    "trade": Words("ekspor-impor", "ekspor dan impor", "impor-ekspor", "impor dan ekspor", "omzet", "perdagangan",
                   "dagang", "trade", "turnover"),
    "exports": Words("ekspor", "mengekspor", "eksportir", "export", "exports", "exporter"),
    "imports": Words("impor", "mengimpor", "importir", "import", "imports", "importer"),
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
#: a comparison baseline ("dibandingkan periode yang sama tahun 2023", "terbanding dengan tahun 2015",
#: "lebih tinggi daripada tahun lalu"): not the period of a figure
COMPARED = Words("dibandingkan", "dibanding", "terbanding", "berbanding", "ketimbang", "daripada", "compared")
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
#: currency names written before a country ("dolar AS", "yen Jepang", "krona Swedia"): a currency, not the
#: country; the first word of every currency name of :data:`CURRENCIES`, and a few more currencies' names
CURRENCY_NAME_WORDS = tuple(dict.fromkeys(
    [form.split()[0].lower() for _, after in CURRENCIES.values() for form in after if form[0].islower()]
    + ["peso", "rupee", "dong", "pound", "frank", "lira", "krone", "dinar"]
))
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
#: verbs that raise a level ("meningkatkan hubungan menjadi ...", "membawa hubungan ke jenjang baru: ...")
UPGRADE_VERBS = Words("meningkatkan", "ningkatkan", "tingkatkan", "ditingkatkan", "peningkatan", "menaikkan",
                      "naikkan", "dinaikkan", "naik", "mengangkat", "angkat", "diangkat", "membawa", "upgrade", "upgraded",
                      "upgrades", "upgrading", "elevat*", "raise", "raised", "raising")
#: the word that leads to the level reached ("menjadi", "ke tingkat", "to")
UPGRADE_TO = Words("menjadi", "jadi", "ke", "ke tingkat", "ke level", "ke tataran", "ke jenjang", "ke status", "to",
                   "into")
#: a level named by its rung alone after an upgrade ("meningkatkan hubungan ke tingkat strategis")
LEVEL_OF = Words("tingkat", "level", "jenjang", "tataran")
#: "sepakat untuk meningkatkan hubungan menjadi Kemitraan Strategis": leaders who agree on an upgrade make it
#: (a joint statement sets it up), unless the agreement looks ahead (:data:`FUTURE_MARKERS`)
AGREED_CUES = ("sepakat untuk", "sepakat", "bersepakat untuk", "menyepakati", "setuju untuk", "agreed to")
FUTURE_MARKERS = Words("akan", "bakal", "segera", "dalam waktu dekat", "mendatang", "ke depan", "soon")
#: a noun between that word and the level ("menjadi tingkat Kemitraan ...", "to a Comprehensive ...")
UPGRADE_TO_NOUNS = Words("tingkat", "level", "status", "hubungan", "a", "an", "the")
#: verbs that set a level up
ESTABLISH_VERBS = Words("menjalin", "jalin", "membentuk", "bentuk", "pembentukan", "mendirikan", "pendirian",
                        "menetapkan", "penetapan", "meresmikan", "resmikan", "peresmian", "establish", "established",
                        "establishes", "establishing", "establishment", "launch", "launched")
#: passive forms after a level ("... yang dijalin pada tahun 2001", "yang disepakati ... satu dekade lalu")
ESTABLISHED_AFTER = Words("dijalin", "dibentuk", "ditetapkan", "terjalin", "terbentuk", "didirikan", "diresmikan",
                          "disepakati", "diadopsi", "diluncurkan", "established", "was established", "adopted")
#: verbs that strengthen an existing level
DEEPEN_VERBS = Words("memperdalam", "diperdalam", "pendalaman", "perdalam", "memperkuat", "diperkuat", "penguatan",
                     "perkuat", "mempererat", "mengukuhkan", "memperkokoh", "memajukan", "pemajuan", "peningkatan",
                     "meningkatkan", "tingkatkan", "pengembangan lebih lanjut", "mengembangkan lebih lanjut",
                     "deepen", "deepened", "deepening", "deepens", "strengthen",
                     "strengthened", "strengthening", "strengthens", "enhance", "enhanced", "enhancing")
DEEPENED_AFTER = Words("diperdalam", "diperkuat", "dipererat")
#: words between a verb and a level that show the level is not the verb's object
#: ("meningkatkan omzet ... sepadan dengan kemitraan strategis" is no deepening)
NOT_OBJECT_WORDS = Words("dengan", "sepadan", "sesuai", "untuk", "bagi", "pada", "di", "dalam", "atas", "dari", "ke",
                         "layak", "seperti", "yaitu", "with", "for", "in", "of", "to")
#: "mitra strategis" is a level's name only where no praise or field follows ("mitra strategis yang
#: andal", "mitra strategis utama", "mitra strategis dalam kerja sama pertanian" are not)
PRAISE_AFTER_PARTNER = Words("yang", "dalam", "di bidang", "bidang", "utama", "penting", "terpenting", "terdepan",
                             "kunci", "potensial", "andal", "terpercaya", "tepercaya", "terbesar", "dekat", "setia",
                             "di kawasan", "bagi", "untuk")
#: a field after a level's name makes it a sectoral partnership, not a rung of the ladder
#: ("Kemitraan Strategis Energi", "kemitraan strategis di bidang pertanian")
SECTORS = Words("energi", "hijau", "digital", "ekonomi", "pertahanan", "keamanan", "maritim", "kelautan",
                "pendidikan", "pariwisata", "teknologi", "investasi", "perdagangan", "pangan", "pertanian", "kesehatan",
                "iklim", "inovasi", "infrastruktur", "transportasi", "budaya", "tenaga kerja", "energy", "green",
                "climate", "agriculture", "defence", "defense")
#: words of an anniversary before a level ("peringatan 5 tahun Kemitraan Komprehensif")
ANNIVERSARY_OF = Words("peringatan", "memperingati", "ulang tahun", "ultah", "HUT", "genap")

#: words saying an act is going on as the article is written ("sedang dalam kunjungan resmi ke
#: Finlandia", "tengah melakukan kunjungan kerja"), and the helper words that may stand between them and
#: the act's own word: an undated act so written is news of the article's date
ONGOING_WORDS = Words("sedang", "tengah", "kini sedang", "is currently")
ONGOING_HELPERS = Words("dalam", "melakukan", "mengadakan", "menjalani", "berada dalam", "dalam rangka")
#: words that make a visit the frame of what a date dates ("Dalam kerangka kunjungan resmi di Aljazair,
#: pada Minggu malam (31 Mei), PM ... melakukan dialog", "Selama kunjungan kerjanya ..., pada 25 November,
#: ... bertemu"): the date is the act's inside the visit, the visit that month's. The welcome of a visit frames
#: it too ("memimpin upacara penyambutan kunjungan kenegaraan Presiden ... ke Vietnam" on 5 May: the date
#: is the ceremony's, not the visit's first day)
VISIT_FRAME_WORDS = Words("dalam rangka", "dalam kerangka", "selama", "pada kesempatan", "di sela-sela", "di sela",
                          "disela-sela", "sebagai bagian dari", "sedang", "tengah", "penyambutan", "melanjutkan",
                          "meneruskan", "sehubungan dengan", "berkenaan dengan", "during", "on the occasion of",
                          "within the framework of")
#: words that name a visit beside a dated act ("menerima Menlu Polandia, Zbigniew Rau yang sedang melakukan
#: kunjungan kerja di Vietnam", "upacara penyambutan Raja ... dalam kunjungan kenegaraan ke Vietnam"): the
#: visit frames the act's date, unless the date follows the visit's words in the same stretch of the sentence
#: ("yang melakukan kunjungan resmi ke Vietnam pada 5 Mei": the visit's own date)
VISIT_BESIDE_WORDS = Words("yang melakukan", "yang sedang melakukan", "yang tengah melakukan", "yang sedang",
                           "yang tengah", "yang sedang dalam", "yang berada dalam", "dalam", "saat", "ketika",
                           "sewaktu", "tatkala", "when", "while")
#: words of attending a gathering, which a frame may name before the visit ("pada kesempatan menghadiri
#: Konferensi ... dan mengunjungi serta bekerja di Arab Saudi, pada malam 29 Oktober ... bertemu"; "dalam
#: rangka menghadiri KTT ... dan melakukan kunjungan kerja")
FRAME_ATTEND_WORDS = Words("menghadiri", "mengikuti", "menghadiri dan berbicara di", "berpartisipasi dalam",
                           "berpartisipasi di", "hadir dalam", "hadir di", "kehadiran di", "kehadiran pada",
                           "kehadirannya di", "kehadirannya pada", "attending", "attend")
#: words saying a visit begins on its date ("memulai kunjungan resmi empat hari ... pada 23 November"): with
#: its length in days, the date is its first day
VISIT_START_WORDS = Words("memulai", "mengawali", "dimulai", "tiba", "began", "begins", "started", "arrived")
#: words saying a visit ends on its date ("mengakhiri dengan baik kunjungan selama tiga hari di Israel",
#: "meninggalkan ibukota Maputo, mengakhiri kunjungan resmi"): with its length, the date is its last day
VISIT_END_WORDS = Words("mengakhiri", "menutup", "menyelesaikan", "ended", "concluded", "wrapped up")
#: words that point at the act the article reports ("Ini adalah kunjungan pertama ... dalam 15 tahun",
#: "kunjungan kali ini"): before the act's noun, and after it
#: words that open a clause of its own inside a sentence ("Ini adalah kunjungan pertama ... sejak kedua negara
#: menjalin hubungan diplomatik pada tahun 1973", "kunjungan ... dalam konteks kedua negara merayakan ulang tahun
#: ke-50 ... pada tahun 2026"): a date after an act named in that clause is that act's, not the act's before it
SUBORDINATORS = Words("sejak", "semenjak", "dalam konteks", "ketika", "saat", "setelah", "sesudah", "sebelum",
                      "menjelang", "bertepatan dengan", "since", "when", "after", "before")
#: words that name a span of years as the period of what is counted ("bantuan ... tahap 2014-2020 menjadi 400 juta
#: Euro", "pada periode 2021-2025", "dari tahun 2015 hingga 2020"); "antara" also takes "dan" ("antara tahun 2018
#: dan 2023"). Without them a span of years is no figure's period (most are anniversaries: "(1973-2023)")
PERIOD_SPAN_WORDS = Words("periode", "tahap", "fase", "masa", "kurun waktu", "kurun", "jangka waktu", "dari", "antara")
#: titles of the people who make a visit: a visit named with its visitor and its destination ("kunjungan resmi
#: Presiden Vo Van Thuong ke Republik Austria") is a particular visit, not visits in general
VISITOR_TITLES = Words("Presiden", "Wakil Presiden", "Perdana Menteri", "Wakil Perdana Menteri", "Deputi Perdana Menteri",
                       "PM", "Ketua", "Wakil Ketua", "Menteri", "Menlu", "Wakil Menteri", "Deputi Menteri",
                       "Sekretaris Jenderal", "Sekjen", "Raja", "Ratu", "Sultan", "Kanselir", "Putra Mahkota", "Emir",
                       "Gubernur Jenderal", "delegasi", "rombongan")
#: words before a visit that put it in the past, before the news ("pernah melakukan kunjungan resmi ke ...")
EARLIER_WORDS = Words("pernah", "sebelumnya", "terakhir kali", "dahulu", "dulu", "silam")
#: words that point back at an act named before ("Kunjungan ini berlangsung selama 3 hari", "lawatan tersebut")
POINTING_BACK = Words("ini", "tersebut", "itu", "this")
#: words saying how long an act lasts, told in a sentence of its own ("Kunjungan ini berlangsung selama 3 hari")
LASTS_WORDS = Words("berlangsung", "akan berlangsung", "lasts", "will last")
THIS_ACT_BEFORE = Words("ini adalah", "ini merupakan", "this is")
THIS_ACT_AFTER = Words("kali ini")
#: the kinds of act (:data:`EVENT_WORDS`) that :data:`ONGOING_WORDS` and :data:`THIS_ACT_BEFORE` can
#: make news of the day
ONGOING_KINDS = ("phone_call", "talks", "visit", "meeting")

#: words after a level that lead to its partner ("kemitraan strategis dengan Jepang", "antara ... dan")
PARTNER_LINKS = Words("dengan", "antara", "between", "with", "bersama")
#: "by"/"until" before a date: a deadline when the date is to come ("hingga 2030"), "by then" when past
UNTIL_WORDS = Words("hingga", "sampai", "sampai dengan", "until", "by")

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
_WEEKDAY_NUMBERS_ID = {"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4, "Sabtu": 5, "Minggu": 6,
                       "Ahad": 6}
_WEEKDAY_NUMBERS_EN = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
                       "Sunday": 6}
#: each weekday's number (Monday 0, as ``datetime.weekday``), Indonesian then English
WEEKDAY_NUMBERS: dict[str, int] = {**_WEEKDAY_NUMBERS_ID, **_WEEKDAY_NUMBERS_EN}
WEEKDAYS_ID = tuple(_WEEKDAY_NUMBERS_ID)
WEEKDAYS = tuple(WEEKDAY_NUMBERS)
#: words between the two ends of a range ("8 hingga 11 Mei", "Januari s.d. Oktober"), besides dashes
RANGE_WORDS = ("hingga", "sampai", "sampai dengan", "s.d.", "s.d", "sd.", "sd", "s/d", "to", "until")
#: words that join two days or years as a pair ("14 dan 15 Januari", "tahun 2022 dan 2023")
PAIR_WORDS = ("dan", "and")
#: words before a bare year that make it a date ("pada 2019", "sejak 2019", "akhir 2023")
YEAR_CUES = ("pada", "sejak", "semenjak", "selama", "periode", "awal", "akhir", "pertengahan", "in", "since", "during")
#: "tahun" and its short forms before a year ("tahun 2001", "thn. 2001")
YEAR_WORDS = ("tahun", "thn", "thn.")

# --------------------------------------------------------------------------------------- modality
#: words that make what follows an aim, a wish or a goal, not something that happened
#: ("bertujuan untuk memperdalam", "berharap", "menargetkan", "menuju")
AIM_CUES = Words("bertujuan", "tujuan", "berharap", "harapan", "mengharapkan", "diharapkan", "ingin", "berkeinginan",
                 "menginginkan", "keinginan", "mendambakan", "bercita-cita", "bermaksud", "berniat", "menargetkan", "ditargetkan", "target",
                 "targetnya", "sasaran", "menuju", "berupaya", "upaya", "mengupayakan", "berusaha", "berkomitmen",
                 "komitmen", "komitmennya", "bertekad", "tekad", "guna", "agar", "supaya", "demi", "aims", "aim to",
                 "hopes", "hope to", "seeks", "seek to", "wants to", "towards", "toward")
#: words that make what follows planned or agreed, not (yet) done ("akan", "sepakat untuk", "dijadwalkan")
PLANNED_CUES = Words("akan", "bakal", "hendak", "sepakat untuk", "sepakat", "bersepakat untuk", "menyepakati",
                     "setuju untuk", "berencana", "rencana", "rencananya", "direncanakan", "dijadwalkan",
                     "terjadwal", "mendatang", "yang akan datang", "will", "plans to", "plan to", "planned",
                     "scheduled", "agreed to")
#: words that close a cue's reach: a fact after them happened ("memutuskan untuk menandatangani",
#: "telah", "resmi"), whatever was wished before
STATED_CUES = Words("memutuskan untuk", "memutuskan", "telah", "sudah", "resmi", "berhasil", "decided to", "has",
                    "have", "had")
#: "untuk" before a verb: a purpose ("untuk memperdalam Kemitraan ..."), an aim of what it governs
PURPOSE_WORDS = Words("untuk", "dalam rangka", "to")
#: words for "day" before a day number ("tanggal 8", "tgl 3 hingga tgl 5 Juni")
DAY_WORDS = ("tanggal", "tgl", "tgl.")

# --------------------------------------------------------------------------------------- commemorations
#: a holiday or a national milestone of one country ("Hari Kemenangan", "Pembebasan Selatan",
#: "Hari Konstitusi Norwegia"): an anniversary of it is that country's commemoration, not an event
#: between two countries
HOLIDAY_WORDS = Words("hari kemenangan", "hari nasional", "hari kemerdekaan", "kemerdekaan", "hari konstitusi",
                      "hari raya", "revolusi", "pembebasan selatan", "pembebasan", "penyatuan kembali",
                      "reunifikasi", "proklamasi", "hari lahir", "berdirinya", "hari bendera", "perang patriotik",
                      "national day", "independence day", "victory day", "constitution day")
#: event kinds in which the two sides act together: an event of these kinds is a bilateral event
#: (Vietnam is a party even where the sentence leaves it implicit)
BILATERAL_KINDS = frozenset({"phone_call", "talks", "visit", "meeting", "joint_statement", "trade_agreement", "treaty",
                             "agreement_signing", "partnership", "diplomatic_relations", "anniversary",
                             "multilateral_meeting", "cultural_event"})

# --------------------------------------------------------------------------------------- relative periods
#: periods named relative to the article's date: years from the article's year
RELATIVE_YEARS: dict[str, int] = {"tahun lalu": -1, "tahun sebelumnya": -1, "tahun kemarin": -1, "tahun ini": 0,
                                  "tahun depan": 1, "tahun mendatang": 1, "tahun yang akan datang": 1,
                                  "last year": -1, "this year": 0, "next year": 1}
#: months from the article's month
RELATIVE_MONTHS: dict[str, int] = {"bulan lalu": -1, "bulan ini": 0, "bulan depan": 1, "last month": -1}
#: words between an amount and its equivalent in another currency ("3 miliar euro, setara 3,3 miliar USD")
EQUIVALENT_WORDS = Words("setara", "ekuivalen", "senilai", "atau", "equivalent to", "or about")
#: parts of the day between a weekday and its date ("Selasa sore (28/5)")
DAY_PARTS = ("pagi", "siang", "sore", "malam")
#: "ini" after a month: this year's month ("Oktober ini menandai 50 tahun ...")
THIS_WORDS = ("ini",)
#: a year named from the article's year ("tahun ini", "tahun lalu", "50 tahun lalu"): the word after "tahun"
#: and how many years it moves
YEAR_FROM_ARTICLE: dict[str, int] = {"ini": 0, "lalu": -1, "depan": 1, "mendatang": 1}
