package org.jobguard.checker;

import org.jobguard.config.PlacesLoader;
import org.jobguard.config.YamlDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static Gazetteer shipped;

    @BeforeAll
    static void loadShippedFile() throws Exception {
        shipped = PlacesLoader.load(YamlDocument.parse("config/places.yaml",
                Files.readString(Path.of("config/places.yaml"))), NORMALIZER);
    }

    /** The ids found, in text order, space-separated. */
    private static String ids(Gazetteer gazetteer, String text) {
        return gazetteer.find(NORMALIZER.normalize(text)).stream().map(PlaceMention::id)
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // hubs in all three scripts, any case, spaced out
        "高薪招聘，地点西港，包吃住|sihanoukville",
        "高薪招聘，地點西港，包吃住|sihanoukville",
        "施亞努港工作|sihanoukville",
        "Job in Sihanoukville, free flight|sihanoukville",
        "job in sihanoukville|sihanoukville",
        "SIHANOUKVILLE|sihanoukville",
        "Myawaddy office, salary 1500 USD|myawaddy",
        "妙 瓦 底 客服|myawaddy",
        "妙-瓦-底|myawaddy",
        "m.i.a.o.w.a.d.i|myawaddy",
        "急招缅北，月入三万|myanmar_north",
        "緬北高薪|myanmar_north",
        "KK园区招人|kk_park",
        "Ｋ Ｋ 園 區|kk_park",
        "Shwe-Kokko and Shwekokko and Shwe Kokko|shwe_kokko shwe_kokko shwe_kokko",
        "O'Smach and O’Smach|o_smach o_smach",
        "金三角经济特区|golden_triangle_sez",
        "到了湄索有人接|mae_sot",
        "巴域木牌|bavet",
        // the full names of the risky countries
        "老挝|laos",
        "去寮國工作|laos",
        "菲律賓客服|philippines",
        "柬埔寨金边|cambodia phnom_penh",
        // one-character and abbreviated forms, where the words around them say a place is meant
        "去缅发展|myanmar",
        "人在柬。|cambodia",
        "地点：缅，包吃住|myanmar",
        "飞菲上班|philippines",
        "去迪工作|dubai",
        "东南亚（缅、柬、老）高薪|southeast_asia myanmar cambodia laos",
        "缅柬诈骗|myanmar cambodia",
        "泰缅边境|thailand myanmar",
        "work in PH.|philippines",
        "go to KK now|kk_park",
        "fly to Turkey|turkey",
        "缅|myanmar",
        "xigang 招 录入员|sihanoukville",
        "jpz 高薪招聘|cambodia",
        "老街招人|kokang",
        "in PH for work|philippines",
        "mian bei 高 薪|myanmar_north",
        "Lowongan kerja di Kamboja|cambodia",
        // ... and where they are ordinary words
        "老板说明天发工资|-",
        "老师好|-",
        "菲菲|-",
        "去迪士尼玩|-",
        "在缅怀先烈|-",
        "我在老家|-",
        "活到老，学到老|-",
        "老工作到半夜|-",
        "请柬已发|-",
        "泰迪很可爱|-",
        "柬老板|-",
        "王菲的歌|-",
        "kk, see you|-",
        "pH 7 water|-",
        "Turkey sandwich|-",
        "性格果敢，执行力强|-",
        "老街那边很热闹|-",
        "kk for now|-",
        "pH for this|-",
        "面店那边老板缺人|-",
        // domestic places, and words that overlap them
        "深圳龙华富士康招普工|cn_shenzhen cn_sz_longhua",
        "台中工廠徵人|tw_taichung",
        "觀塘寫字樓文員|hk_kwun_tong",
        "臺北市|tw_taipei",
        "在平台中工作|-",
        "平台北京分部|cn_beijing",
        "工作时区：GMT+8（北京时间）|-",
        "上海南站到南京|cn_shanghai cn_nanjing",
        "上海南京路|cn_shanghai",
        "北海道|hokkaido",
        "夸下海口|-",
        "这是合法国际公司|-",
        "精英国际集团|-",
        "欧美国家都可以|-",
        "今日本报讯|-",
        "在大马路上|-",
        "参加美赛|-",
        "亚太城市峰会|-",
        "wo xian zai qu|-",
        "去法国工作|france",
        "台北市中山區南京東路|tw_taipei",
        "Latin America jobs|-",
        "London office, Leeds warehouse|gb_london gb_leeds",
        // the wider map: Cambodian provinces, Lao and Thai crossings, newer compounds, POGO provinces, newer hubs
        "急招柴桢客服，包吃住|svay_rieng",
        "柴楨|svay_rieng",
        "马德望招人，班迭棉吉落地|battambang banteay_meanchey",
        "干丹省、茶胶省、菩萨省、桔井省|kandal takeo pursat kratie",
        "去干丹发展|kandal",
        "七星海园区|dara_sakor",
        "Dara Sakor and Otres beach|dara_sakor sihanoukville",
        "戈公上班|koh_kong",
        "Koh Thom casino|sampov_poun",
        "敦蓬工作，Kings Roman casino|golden_triangle_sez golden_triangle_sez",
        "从清盛坐船过去|chiang_saen",
        "Huay Xai and Houayxay|houayxay houayxay",
        "到会晒。|houayxay",
        "琅南塔，乌多姆赛，沙湾拿吉，巴色|luang_namtha oudomxay savannakhet pakse",
        "缅甸老街|kokang",
        "帕安转车|hpa_an",
        "勐波园区|mong_pawk",
        "东美园区和泰昌园区|dongmei_park tai_chang",
        "三塔关，Payathonzu, Three Pagodas Pass|payathonzu payathonzu payathonzu",
        "Sangkhla Buri and Phop Phra|sangkhla_buri phop_phra",
        "Pang Kham|wa_state",
        "go to Yatai.|shwe_kokko",
        "Clark, Pampanga|pampanga",
        "Clark Pampanga|clark",
        "POGO hub in Bagac, Bataan|bagac bataan",
        "Kawasaki office in Cavite|cavite",
        "Lapu-Lapu City hotel|lapu_lapu",
        "Angeles City|angeles_city",
        "去芒街|vn_mong_cai",
        "Lao Cai and Lào Cai, Tay Ninh|vn_lao_cai vn_lao_cai vn_tay_ninh",
        "阿治曼，哈伊马角，巴统，斐济|ajman ras_al_khaimah georgia fiji",
        "Oecusse, 欧库西|oecusse oecusse",
        "fly to Ream.|ream",
        // ... and where the new names are ordinary words, or sit inside longer ones
        "晒干丹参|-",
        "绿茶胶囊|-",
        "菩萨保佑|-",
        "桔井泉香|-",
        "夏天会晒黑|-",
        "沈阳南塔鞋城|cn_shenyang",
        "广东美食|cn_guangdong",
        "东美集团|-",
        "泰昌年间|-",
        "桩基清孔|-",
        "平清盛|-",
        "巴丹吉林沙漠|-",
        "去波哥大|-",
        "a ream of paper|-",
        "yatai food stall|-",
        "Los Angeles office|-",
        "Los Angeles City Hall|-",
        "Clark Kent|-",
    })
    void findsThePlacesOfAMessage(String text, String expected) {
        assertEquals(expected == null ? "" : expected, ids(shipped, text), text);
    }

    @Test
    void mentionsCarryKindCountryAndASpanTheCallerMapsToTheOriginal() {
        String text = "高薪，地點：西 港，包吃住";
        NormalizedText normalized = NORMALIZER.normalize(text);
        List<PlaceMention> found = shipped.find(normalized);
        assertEquals(1, found.size());
        PlaceMention m = found.get(0);
        assertEquals(new PlaceMention("sihanoukville", PlaceKind.HUB, "KH", m.start(), m.end(), false), m);
        assertEquals("西港", normalized.text().substring(m.start(), m.end()));
        int[] span = normalized.originalSpan(m.start(), m.end());
        assertEquals("西 港", normalized.originalSlice(span[0], span[1]));
    }

    @Test
    void anAmbiguousFormIsMarkedAsSuch() {
        List<PlaceMention> found = shipped.find(NORMALIZER.normalize("去缅发展，缅甸"));
        assertEquals(List.of(true, false), found.stream().map(PlaceMention::ambiguous).toList());
        assertEquals(List.of("myanmar", "myanmar"), found.stream().map(PlaceMention::id).toList());
    }

    @Test
    void summaryCountsDifferentPlacesPerKind() {
        PlaceSummary s = shipped.summarize(NORMALIZER.normalize(
                "深圳龙华招人，工作地点西港，西港包吃住，先飞曼谷，再去柬埔寨"));
        assertEquals(1, s.hubs(), "西港 twice is one hub");
        assertEquals(1, s.riskyCountries());
        assertEquals(1, s.abroadOther());
        assertEquals(2, s.domestic());
        assertEquals(List.of("CN", "KH", "TH"), s.countries());
        assertTrue(s.hasHub() && s.hasRiskyCountry() && s.hasAbroadOther() && s.hasDomestic() && s.abroad());
        assertEquals(PlaceSummary.NONE, shipped.summarize(NORMALIZER.normalize("老板好")));
        assertFalse(PlaceSummary.NONE.abroad());
    }

    @Test
    void everyKindIsInTheShippedFile() {
        for (PlaceKind kind : PlaceKind.values()) {
            assertTrue(shipped.entries().stream().anyMatch(e -> e.kind() == kind), kind.id());
        }
    }

    // ---------------------------------------------------------------- rules, on small gazetteers

    private static Gazetteer small(PlaceCues cues, PlaceEntry... entries) {
        return new Gazetteer(List.of(entries), cues, NORMALIZER);
    }

    @Test
    void longerNamesWinOverNamesInsideThem() {
        Gazetteer g = small(PlaceCues.none(),
                new PlaceEntry("a", PlaceKind.HUB, "MM", List.of("金三角")),
                new PlaceEntry("b", PlaceKind.HUB, "LA", List.of("金三角经济特区")),
                new PlaceEntry("c", PlaceKind.DOMESTIC_CN, "CN", List.of("三角")));
        assertEquals("b", ids(g, "去金三角经济特区"));
        assertEquals("a", ids(g, "去金三角"));
        assertEquals("c", ids(g, "三角"));
    }

    @Test
    void latinNamesAreWholeWords() {
        Gazetteer g = small(PlaceCues.none(), new PlaceEntry("kh", PlaceKind.RISKY_COUNTRY, "KH", List.of("KH")));
        assertEquals("", ids(g, "khan"));
        assertEquals("", ids(g, "ekh"));
        assertEquals("", ids(g, "kh2"));
        assertEquals("kh", ids(g, "kh"));
        assertEquals("kh", ids(g, "去KH工作"));
    }

    @Test
    void aNotAPlaceWordTakesItsCharactersEvenAtEqualLength() {
        PlaceCues cues = new PlaceCues(List.of(), List.of(), List.of("平台"));
        Gazetteer g = small(cues, new PlaceEntry("tc", PlaceKind.DOMESTIC_TW, "TW", List.of("台中")));
        assertEquals("", ids(g, "平台中"));
        assertEquals("tc", ids(g, "在台中"));
    }

    @Test
    void namesAreNormalizedLikeTheText() {
        Gazetteer g = small(PlaceCues.none(), new PlaceEntry("tc", PlaceKind.DOMESTIC_TW, "TW", List.of("臺中")));
        assertEquals("tc", ids(g, "台中"));
        assertEquals("tc", ids(g, "臺 中"));
    }

    @Test
    void latinNamesAlsoMatchRunTogetherAndWithEitherApostrophe() {
        assertEquals(Set.of("shwe kokko", "shwekokko"), Gazetteer.spellings("shwe kokko"));
        assertEquals(Set.of("o'smach", "o’smach", "o smach", "osmach"), Gazetteer.spellings("o’smach"));
        assertEquals(Set.of("西港"), Gazetteer.spellings("西港"));
    }

    @Test
    void oneSpellingForTwoPlacesIsRejectedWithTheName() {
        Gazetteer.NameException e = assertThrows(Gazetteer.NameException.class, () -> small(PlaceCues.none(),
                new PlaceEntry("taizhou_js", PlaceKind.DOMESTIC_CN, "CN", List.of("泰州", "Taizhou")),
                new PlaceEntry("taizhou_zj", PlaceKind.DOMESTIC_CN, "CN", List.of("台州", "TAIZHOU"))));
        assertEquals("taizhou_zj", e.entryId());
        assertEquals("TAIZHOU", e.name());
        assertTrue(e.getMessage().contains("taizhou_js"), e.getMessage());
    }

    @Test
    void aTraditionalSpellingOfTheSamePlaceIsNoClash() {
        Gazetteer g = small(PlaceCues.none(), new PlaceEntry("tc", PlaceKind.DOMESTIC_TW, "TW", List.of("台中", "臺中")));
        assertEquals("tc", ids(g, "臺中"));
    }

    @Test
    void aNotAPlaceWordThatIsAPlaceNameIsRejected() {
        PlaceCues cues = new PlaceCues(List.of(), List.of(), List.of("台中"));
        Gazetteer.NameException e = assertThrows(Gazetteer.NameException.class,
                () -> small(cues, new PlaceEntry("tc", PlaceKind.DOMESTIC_TW, "TW", List.of("臺中"))));
        assertEquals(null, e.entryId());
        assertEquals("台中", e.name());
    }

    @Test
    void aNameThatNormalizesToNothingIsRejected() {
        Gazetteer.NameException e = assertThrows(Gazetteer.NameException.class, () -> small(PlaceCues.none(),
                new PlaceEntry("x", PlaceKind.HUB, "MM", List.of("\u200b"))));
        assertEquals("x", e.entryId());
    }

    @Test
    void emptyTextAndEmptyGazetteerFindNothing() {
        assertEquals(List.of(), shipped.find(NORMALIZER.normalize("")));
        assertEquals(List.of(), small(PlaceCues.none()).find(NORMALIZER.normalize("西港")));
    }

    @Test
    void aHundredKilobytesOfNamesAndNoiseFinish() {
        // no timing: only that a long message of ambiguous forms, names and breaks is handled whole
        StringBuilder text = new StringBuilder();
        String[] pieces = {"去缅发展，", "缅柬", "老板", "Sihanoukville in PH. ", "妙 瓦 底", "！！！", "平台中", "kk ",
            "缅".repeat(40), "\u200b", "😀"};
        for (int i = 0; text.length() < 100_000; i++) {
            text.append(pieces[i % pieces.length]);
        }
        List<PlaceMention> found = shipped.find(NORMALIZER.normalize(text.toString()));
        assertTrue(found.size() > 1000, "found " + found.size());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).end() <= found.get(i).start(), "in order and without overlap");
        }
    }
}
