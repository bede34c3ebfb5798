package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.identity.IdNumbers;
import cn.gov.gd.yzz.identity.PasswordHasher;
import cn.gov.gd.yzz.identity.PersonalDataCipher;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A believable county on first start: the reference county's 17 towns with 170 kiosks in their villages, 157
 * rural revitalization specialists, about 46,000 residents, and about 228,000 transactions from January to
 * November shaped like the real figures (department mix, assisted share, fewer on weekends). The transactions go
 * through {@link TransactionRecorder}, the code path that stores and counts every reported event, so that the
 * rollups and resident bitmaps are the ones production keeps. Generated with a fixed seed: every start looks alike.
 */
@ApplicationScoped
public class DemoActivityLoader {

    private static final Logger LOG = Logger.getLogger(DemoActivityLoader.class);

    /** Town, the abbreviation used in kiosk ids, and how many kiosks it has (170 in all). */
    private static final Object[][] TOWNS = {
        {"阳明镇", "YM", 16}, {"彭寨镇", "PZ", 13}, {"东水镇", "DS", 11}, {"林寨镇", "LZ", 11}, {"热水镇", "RS", 9},
        {"大坝镇", "DB", 10}, {"合水镇", "HS", 9}, {"公白镇", "GB", 9}, {"古寨镇", "GZ", 9}, {"贝墩镇", "BD", 11},
        {"礼士镇", "LS", 8}, {"上陵镇", "SL", 10}, {"长塘镇", "CT", 9}, {"下车镇", "XC", 9}, {"优胜镇", "YS", 9},
        {"青州镇", "QZ", 9}, {"浰源镇", "LY", 8}};
    private static final String[] VILLAGE_HEADS = {"上", "下", "新", "东", "西", "南", "北", "大", "小", "石", "黄", "高",
        "长", "白", "马", "龙", "桥", "竹", "梅", "联"};
    private static final String[] VILLAGE_TAILS = {"坪村", "塘村", "岭村", "坑村", "田村", "山村", "湖村", "陂村", "围村",
        "洞村", "背村", "光村"};
    private static final String SURNAMES = "陈李黄张刘林叶曾谢罗邓钟何赖朱温吴曾古丘";
    private static final String GIVEN = "建华国强秀英丽芳志明伟玉兰海燕文辉春梅金凤永红德胜桂英少平运来水生";
    /** Share of transactions by department: social security and medical insurance lead, as in the county. */
    private static final Map<String, Integer> DEPARTMENT_WEIGHTS = new LinkedHashMap<>();

    static {
        Object[][] weights = {{"HRSS", 22}, {"MEDICAL_INSURANCE", 19}, {"PUBLIC_SECURITY", 9}, {"CIVIL_AFFAIRS", 8},
            {"POWER_SUPPLY", 7}, {"TAXATION", 5}, {"AGRICULTURE", 5}, {"HEALTH", 4}, {"HOUSING_FUND", 3},
            {"NATURAL_RESOURCES", 3}, {"EDUCATION", 3}, {"MARKET_REGULATION", 2}, {"VETERANS", 2},
            {"DISABLED_FEDERATION", 2}, {"JUSTICE", 1}, {"HOUSING", 1}, {"TRANSPORT", 1}, {"WATER", 1}, {"FORESTRY", 1},
            {"EMERGENCY", 1}};
        for (Object[] w : weights) {
            DEPARTMENT_WEIGHTS.put((String) w[0], (Integer) w[1]);
        }
    }

    private static final int RESIDENTS = 46_000;
    private static final int SPECIALISTS = 157;
    /** Transactions of a whole January–November, spread over weekdays at full and weekends at lower rate. */
    private static final int TRANSACTIONS_JAN_TO_NOV = 228_000;
    private static final double ASSISTED_SHARE = 0.38;
    private static final double MOBILE_SHARE = 0.06;
    private static final int BATCH = 2_000;

    private record DemoKiosk(String id, String town, String village, String specialist) {
    }

    private final DemoConfig config;
    private final AgroalDataSource dataSource;
    private final DemoIdentityLoader identity;
    private final PasswordHasher passwords;
    private final PersonalDataCipher cipher;
    private final TransactionRecorder recorder;

    DemoActivityLoader(DemoConfig config, AgroalDataSource dataSource, DemoIdentityLoader identity,
            PasswordHasher passwords, PersonalDataCipher cipher, TransactionRecorder recorder) {
        this.config = config;
        this.dataSource = dataSource;
        this.identity = identity;
        this.passwords = passwords;
        this.cipher = cipher;
        this.recorder = recorder;
    }

    void onStart(@Observes @Priority(30) StartupEvent start) throws SQLException {
        if (!config.enabled() || !config.activity() || alreadyLoaded()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20_261_125L);
        List<DemoKiosk> kiosks = kiosksAndSpecialists(random);
        List<UUID> residents = residents(random);
        long transactions = transactions(random, kiosks, residents);
        long ratings = ratings();
        LOG.infof("demo activity loaded in %d ms: %d kiosks, %d specialists, %d residents, %d transactions from %s, "
                + "%d ratings", (System.nanoTime() - started) / 1_000_000, kiosks.size(), SPECIALISTS,
                residents.size(), transactions, LocalDate.now(ChinaTime.ZONE).withDayOfYear(1), ratings);
    }

    private boolean alreadyLoaded() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM kiosk")) {
            r.next();
            return r.getLong(1) > 10;
        }
    }

    /** The county's kiosks (the demo identity's four among them) and a specialist for each. */
    private List<DemoKiosk> kiosksAndSpecialists(Random random) throws SQLException {
        List<DemoKiosk> kiosks = new ArrayList<>();
        List<String> newSpecialists = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT k.id, k.town, k.village, "
                    + "min(s.username) FROM kiosk k LEFT JOIN kiosk_specialist s ON s.kiosk_id = k.id GROUP BY 1, 2, 3")) {
                while (r.next()) {
                    kiosks.add(new DemoKiosk(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            int existingSpecialists = 3;
            String hash = passwords.hash("Assist#2026");
            try (PreparedStatement staff = c.prepareStatement("INSERT INTO staff_account (username, display_name, "
                    + "role, password_hash, enabled, created_at) VALUES (?, ?, 'specialist', ?, true, now())");
                    PreparedStatement kiosk = c.prepareStatement("INSERT INTO kiosk (id, name, town, village, "
                            + "public_key_pem, key_algorithm, hardware, enabled, tokens_not_before) "
                            + "VALUES (?, ?, ?, ?, ?, 'EC', ?, true, now() - interval '1 second')");
                    PreparedStatement seen = c.prepareStatement(
                            "INSERT INTO kiosk_presence (kiosk_id, last_seen_at) VALUES (?, ?)");
                    PreparedStatement assign = c.prepareStatement(
                            "INSERT INTO kiosk_specialist (kiosk_id, username) VALUES (?, ?)")) {
                int specialistNo = 0;
                for (Object[] town : TOWNS) {
                    String name = (String) town[0];
                    long present = kiosks.stream().filter(k -> k.town().equals(name)).count();
                    List<String> villages = new ArrayList<>();
                    for (int n = (int) present + 1; n <= (Integer) town[2]; n++) {
                        String id = "HP-" + town[1] + "-" + String.format("%03d", n);
                        String village;
                        do {
                            village = VILLAGE_HEADS[random.nextInt(VILLAGE_HEADS.length)]
                                    + VILLAGE_TAILS[random.nextInt(VILLAGE_TAILS.length)];
                        } while (villages.contains(village));
                        villages.add(village);
                        String specialist = null;
                        if (existingSpecialists + specialistNo < SPECIALISTS) {
                            specialistNo++;
                            specialist = "specialist." + town[1].toString().toLowerCase() + String.format("%02d", n);
                            staff.setString(1, specialist);
                            staff.setString(2, name + " 乡村振兴特派员 " + personName(random));
                            staff.setString(3, hash);
                            staff.addBatch();
                            newSpecialists.add(specialist);
                        }
                        kiosk.setString(1, id);
                        kiosk.setString(2, village + "村委会粤智助");
                        kiosk.setString(3, name);
                        kiosk.setString(4, village);
                        kiosk.setString(5, identity.publicKeyOf(id));
                        kiosk.setArray(6, c.createArrayOf("varchar", new String[] {"id_card_reader", "camera",
                            "printer"}));
                        // most kiosks reported recently; a few have been offline for days
                        kiosk.addBatch();
                        seen.setString(1, id);
                        seen.setObject(2, OffsetDateTime.now().minusMinutes(random.nextInt(100) < 88
                                ? random.nextInt(3) : 60L * 24 * (1 + random.nextInt(6))));
                        seen.addBatch();
                        if (specialist != null) {
                            assign.setString(1, id);
                            assign.setString(2, specialist);
                            assign.addBatch();
                        }
                        kiosks.add(new DemoKiosk(id, name, village, specialist));
                    }
                }
                staff.executeBatch();
                kiosk.executeBatch();
                seen.executeBatch();
                assign.executeBatch();
            }
        }
        return kiosks;
    }

    /** Residents with valid ID numbers of the county (441624), stored as the identity feature stores them. */
    private List<UUID> residents(Random random) throws SQLException {
        List<UUID> ids = new ArrayList<>(RESIDENTS);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO citizen (id, id_number_hash, id_number_enc, id_number_mask, name, real_name_level) "
                        + "VALUES (?, ?, ?, ?, ?, 3)")) {
            c.setAutoCommit(false);
            java.util.Set<String> issued = new java.util.HashSet<>();
            for (int i = 0; i < RESIDENTS; i++) {
                String idNumber;
                do {
                    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
                    String first17 = "441624" + birth.toString().replace("-", "")
                            + String.format("%03d", random.nextInt(1000));
                    idNumber = first17 + IdNumbers.checkCharacter(first17);
                } while (!issued.add(idNumber));
                UUID id = new UUID(random.nextLong(), random.nextLong());
                insert.setObject(1, id);
                insert.setBytes(2, cipher.lookupHash(idNumber));
                insert.setBytes(3, cipher.encrypt(idNumber));
                insert.setString(4, IdNumbers.mask(idNumber));
                insert.setString(5, personName(random));
                insert.addBatch();
                ids.add(id);
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return ids;
    }

    private long transactions(Random random, List<DemoKiosk> kiosks, List<UUID> residents) {
        Map<String, List<String>> services = servicesByDepartment();
        List<String> departments = new ArrayList<>();
        DEPARTMENT_WEIGHTS.forEach((code, weight) -> {
            if (services.containsKey(code)) {
                for (int i = 0; i < weight; i++) {
                    departments.add(code);
                }
            }
        });
        double[] kioskWeight = kiosks.stream().mapToDouble(k -> 0.4 + random.nextDouble()).toArray();
        double totalWeight = java.util.Arrays.stream(kioskWeight).sum();
        LocalDate first = LocalDate.now(ChinaTime.ZONE).withDayOfYear(1);
        LocalDate end = LocalDate.now(ChinaTime.ZONE);
        double perWorkingDay = TRANSACTIONS_JAN_TO_NOV / expectedDayUnits(first.getYear());
        TransactionKind[] kinds = {TransactionKind.QUERY, TransactionKind.QUERY, TransactionKind.QUERY, TransactionKind.QUERY,
            TransactionKind.PRINT, TransactionKind.PRINT, TransactionKind.PAYMENT, TransactionKind.PAYMENT,
            TransactionKind.SUBMISSION};
        List<TransactionRecorder.Event> batch = new ArrayList<>(BATCH);
        long count = 0;
        // the year's months get their partitions of the event log first (the service creates only recent months)
        try (Connection c = dataSource.getConnection();
                PreparedStatement months = c.prepareStatement("SELECT event_log_create_months(?, ?)")) {
            months.setObject(1, first);
            months.setObject(2, end);
            months.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("creating the event log's months", e);
        }
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            int today = (int) Math.round(perWorkingDay * dayUnits(day) * (0.85 + 0.3 * random.nextDouble()));
            for (int i = 0; i < today; i++) {
                String department = departments.get(random.nextInt(departments.size()));
                List<String> items = services.get(department);
                // a few items of each department carry most of its work
                String service = items.get((int) (items.size() * Math.pow(random.nextDouble(), 2.5)));
                OffsetDateTime at = day.atTime(LocalTime.of(8, 30).plusMinutes(random.nextInt(540)))
                        .atZone(ChinaTime.ZONE).toOffsetDateTime();
                UUID resident;
                DemoKiosk kiosk = null;
                if (random.nextDouble() < MOBILE_SHARE) {
                    resident = residents.get(random.nextInt(residents.size()));
                } else {
                    int k = pick(kioskWeight, totalWeight, random);
                    kiosk = kiosks.get(k);
                    // residents use the kiosk of their own village
                    int perKiosk = residents.size() / kiosks.size();
                    resident = random.nextInt(100) < 92 ? residents.get(k * perKiosk + random.nextInt(perKiosk)) : null;
                }
                String specialist = kiosk != null && kiosk.specialist() != null
                        && random.nextDouble() < ASSISTED_SHARE / 0.95 ? kiosk.specialist() : null;
                batch.add(new TransactionRecorder.Event(new UUID(random.nextLong(), random.nextLong()), at,
                        kinds[random.nextInt(kinds.length)], service, department, kiosk == null ? null : kiosk.id(),
                        kiosk == null ? null : kiosk.town(), kiosk == null ? null : kiosk.village(), resident,
                        specialist));
                if (batch.size() == BATCH) {
                    count += record(batch);
                }
            }
        }
        return count + record(batch);
    }

    /**
     * Residents rate about one kiosk transaction in sixteen, mostly 非常满意 or 满意; each 差评 has its department's
     * follow-up, answered unless it is recent. Written in bulk with the rows the rating feature keeps (rating, its
     * daily rollup county-wide and per department, follow-ups), since a rating's own path is one request at a time.
     */
    private long ratings() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long rated = s.executeUpdate("""
                    INSERT INTO rating (id, event_id, score, rated_by, rated_at, day)
                    SELECT gen_random_uuid(), event_id, CASE
                            WHEN p < 62 THEN 5 WHEN p < 88 THEN 4 WHEN p < 96 THEN 3 WHEN p < 99 THEN 2 ELSE 1 END,
                        kiosk_id, occurred_at + interval '2 minutes', day
                    FROM (SELECT event_id, kiosk_id, occurred_at, day,
                              abs(hashtext(event_id::text || 'score')) % 100 AS p
                          FROM transaction_event WHERE kiosk_id IS NOT NULL AND hashtext(event_id::text) & 15 = 0) e
                    """);
            s.executeUpdate("""
                    INSERT INTO rating_daily (scope, day, score, ratings)
                    SELECT scope, r.day, r.score, count(*) FROM rating r
                    JOIN transaction_event e ON e.event_id = r.event_id
                    CROSS JOIN LATERAL (VALUES (''), (e.department_code)) AS s(scope)
                    GROUP BY 1, 2, 3
                    """);
            s.executeUpdate("""
                    INSERT INTO rating_follow_up (id, rating_id, department_code, status, due_date, created_at,
                        answer_type, answer_text, answered_by, answered_at)
                    SELECT gen_random_uuid(), r.id, e.department_code, CASE WHEN old THEN 'answered' ELSE 'open' END,
                        r.day + 7, r.rated_at, CASE WHEN old THEN 'reply' END,
                        CASE WHEN old THEN '已电话回访，说明办理要求，群众表示理解' END,
                        CASE WHEN old THEN coalesce((SELECT min(username) FROM staff_account a
                            WHERE a.role = 'reviewer' AND a.department_code = e.department_code), 'admin') END,
                        CASE WHEN old THEN r.rated_at + interval '2 days' END
                    FROM rating r JOIN transaction_event e ON e.event_id = r.event_id
                    CROSS JOIN LATERAL (SELECT r.day < current_date - 20 AS old) o
                    WHERE r.score <= 2
                    """);
            c.commit();
            return rated;
        }
    }

    private long record(List<TransactionRecorder.Event> batch) {
        int recorded = QuarkusTransaction.requiringNew().call(() -> recorder.record(batch).size());
        batch.clear();
        return recorded;
    }

    private Map<String, List<String>> servicesByDepartment() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT department_code, code FROM service_item ORDER BY code")) {
            while (r.next()) {
                services.computeIfAbsent(r.getString(1), d -> new ArrayList<>()).add(r.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return services;
    }

    private static int pick(double[] weights, double total, Random random) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Weight of a day: a working day 1, Saturday 0.45, Sunday 0.3, and the Spring Festival week quieter. */
    private static double dayUnits(LocalDate day) {
        double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.45
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.3 : 1.0;
        boolean festival = day.getMonthValue() == 2 && day.getDayOfMonth() >= 14 && day.getDayOfMonth() <= 22;
        return festival ? weekday * 0.3 : weekday;
    }

    private static double expectedDayUnits(int year) {
        double units = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getMonthValue() <= 11 && d.getYear() == year;
                d = d.plusDays(1)) {
            units += dayUnits(d);
        }
        return units;
    }

    private static String personName(Random random) {
        int g = random.nextInt(GIVEN.length() / 2) * 2;
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.substring(g, g + 2);
    }
}
