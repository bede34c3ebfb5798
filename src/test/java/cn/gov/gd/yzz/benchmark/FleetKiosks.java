package cn.gov.gd.yzz.benchmark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The simulated fleet's own state: each kiosk's EC P-256 key pair, its current device token and when it refreshes it,
 * and the residents it has served. Kiosks are bulk-registered in the database (as an import of the province's register
 * would), key pairs are kept in a file under {@code target/} between runs because generating 150,000 of them costs
 * minutes of this machine's two cores.
 */
final class FleetKiosks {

    static final long TOKEN_LIFETIME_S = 900; // yzz.token.kiosk-lifetime default
    static final long TOKEN_REFRESH_AGE_S = 720; // kiosks refresh at 80% of the lifetime
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern CITIZEN_ID = Pattern.compile("\"citizen\":\\{\"id\":\"([0-9a-f-]{36})\"");

    private final PrivateKey[] keys;
    private final String[] publicPems;
    final String[] tokens;
    /** Epoch millis at which the kiosk asks for a new device token. */
    final long[] refreshAt;
    /** Indexes into the resident pool of the residents each kiosk opened a session for (newest last). */
    final int[][] served;
    /** The resident pool: valid ID numbers and, once they exist, their citizen ids. */
    final String[] idNumbers;
    final UUID[] citizenIds;
    private int registered;

    private FleetKiosks(PrivateKey[] keys, String[] publicPems, int residents) {
        this.keys = keys;
        this.publicPems = publicPems;
        this.tokens = new String[keys.length];
        this.refreshAt = new long[keys.length];
        this.served = new int[keys.length][];
        this.idNumbers = IntStream.range(0, residents).mapToObj(FleetKiosks::idNumber).toArray(String[]::new);
        this.citizenIds = new UUID[residents];
    }

    static String id(int kiosk) {
        return String.format("FLEET-%06d", kiosk);
    }

    int size() {
        return keys.length;
    }

    PrivateKey key(int kiosk) {
        return keys[kiosk];
    }

    /** Key pairs of {@code count} kiosks, read from {@code file} and the missing ones generated (and saved). */
    static FleetKiosks load(Path file, int count, int residents) throws IOException {
        List<byte[][]> pairs = new ArrayList<>();
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                for (int i = 0; i < n && i < count; i++) {
                    byte[] priv = in.readNBytes(in.readInt());
                    byte[] pub = in.readNBytes(in.readInt());
                    pairs.add(new byte[][] {priv, pub});
                }
            }
        }
        int had = pairs.size();
        if (had < count) {
            long start = System.nanoTime();
            pairs.addAll(IntStream.range(had, count).parallel().mapToObj(i -> newPair()).toList());
            System.out.printf("fleet: generated %d EC P-256 key pairs in %.0f s (kept in %s)%n", count - had,
                    (System.nanoTime() - start) / 1e9, file);
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(file)))) {
                out.writeInt(pairs.size());
                for (byte[][] pair : pairs) {
                    out.writeInt(pair[0].length);
                    out.write(pair[0]);
                    out.writeInt(pair[1].length);
                    out.write(pair[1]);
                }
            }
        }
        PrivateKey[] keys = new PrivateKey[count];
        String[] pems = new String[count];
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", Es256.BOUNCY_CASTLE); // its keys: see Es256
            for (int i = 0; i < count; i++) {
                keys[i] = factory.generatePrivate(new PKCS8EncodedKeySpec(pairs.get(i)[0]));
                pems[i] = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pairs.get(i)[1]) + "\n-----END PUBLIC KEY-----\n";
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new FleetKiosks(keys, pems, residents);
    }

    private static byte[][] newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new byte[][] {pair.getPrivate().getEncoded(), pair.getPublic().getEncoded()};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers kiosks up to {@code count} (those not yet registered), 40 towns of 25 villages, tokens revoked a day
     * ago (so that device tokens issued before the step are accepted).
     */
    void registerUpTo(Connection db, int count) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO kiosk (id, name, town, village, public_key_pem, key_algorithm, hardware, tokens_not_before)
                SELECT id, '模拟一体机 ' || id, '模拟镇' || (n % 40), '模拟村' || (n % 1000), pem, 'EC',
                       ARRAY['id_card_reader', 'printer', 'camera']::varchar(30)[], now() - interval '1 day'
                FROM unnest(?::text[], ?::int[], ?::text[]) AS k(id, n, pem)
                ON CONFLICT (id) DO NOTHING""")) {
            for (int from = registered; from < count; from += 5_000) {
                int to = Math.min(count, from + 5_000);
                insert.setArray(1, db.createArrayOf("text", IntStream.range(from, to).mapToObj(FleetKiosks::id)
                        .toArray()));
                insert.setArray(2, db.createArrayOf("int4", IntStream.range(from, to).boxed().toArray()));
                insert.setArray(3, db.createArrayOf("text", Arrays.copyOfRange(publicPems, from, to)));
                insert.executeUpdate();
            }
            db.commit();
        }
        registered = Math.max(registered, count);
    }

    /** Each kiosk in [from, to) has served three residents of the pool (sessions opened before the run). */
    void servedBefore(Connection db, int from, int to) throws Exception {
        SplittableRandom random = new SplittableRandom(from);
        List<String> kioskIds = new ArrayList<>();
        List<String> citizens = new ArrayList<>();
        for (int k = from; k < to; k++) {
            served[k] = new int[3];
            for (int j = 0; j < 3; j++) {
                int resident = random.nextInt(idNumbers.length);
                served[k][j] = resident;
                kioskIds.add(id(k));
                citizens.add(citizenIds[resident].toString());
            }
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO kiosk_citizen_session (kiosk_id, citizen_id, first_opened_at, last_opened_at)
                SELECT k, c::uuid, now(), now() FROM unnest(?::text[], ?::text[]) AS s(k, c)
                ON CONFLICT DO NOTHING""")) {
            insert.setArray(1, db.createArrayOf("text", kioskIds.toArray()));
            insert.setArray(2, db.createArrayOf("text", citizens.toArray()));
            insert.executeUpdate();
            db.commit();
        }
    }

    /**
     * Device tokens for kiosks in [0, count) that have none yet (kiosks about to join), as the service issues them
     * (same claims, signed with the embedded start's key), with an age spread over the refresh period so that the
     * fleet's refreshes spread evenly over the run. A kiosk that has joined refreshes its token through the API only
     * ({@link FleetDriver#refreshDue}), as a real one does: a token the service signed is one it knows.
     */
    void ensureTokens(int count, PrivateKey serviceKey) {
        long now = System.currentTimeMillis();
        IntStream.range(0, count).parallel().filter(k -> tokens[k] == null)
                .forEach(k -> {
                    long age = ThreadLocalRandom.current().nextLong(TOKEN_REFRESH_AGE_S - 10);
                    long iat = now / 1000 - age;
                    tokens[k] = Es256.sign(serviceKey, null, deviceTokenClaims(id(k), iat));
                    // a kiosk counts from when its answer arrived, to the millisecond: due times on whole seconds
                    // sent each second's ~35 refreshes (at 25,000 kiosks) in the same millisecond
                    refreshAt[k] = (iat + TOKEN_REFRESH_AGE_S) * 1000 + ThreadLocalRandom.current().nextLong(1000);
                });
    }

    private static String deviceTokenClaims(String kiosk, long iat) {
        return "{\"iss\":\"yzz-backend\",\"aud\":\"yzz-api\",\"sub\":\"" + kiosk + "\",\"groups\":[\"kiosk\"],"
                + "\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + iat + ",\"exp\":" + (iat + TOKEN_LIFETIME_S)
                + ",\"kiosk\":\"" + kiosk + "\",\"auth_method\":\"client-assertion\"}";
    }

    /** A client assertion of the kiosk (RFC 7523: iss = sub = kid = kiosk id). */
    String clientAssertion(int kiosk) {
        long now = System.currentTimeMillis() / 1000;
        return Es256.sign(keys[kiosk], id(kiosk), "{\"iss\":\"" + id(kiosk) + "\",\"sub\":\"" + id(kiosk)
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 120) + "}");
    }

    /** An identity attestation (ID card read, face compared) of a pool resident, signed by the kiosk. */
    String attestation(int kiosk, int resident) {
        long now = System.currentTimeMillis() / 1000;
        return Es256.sign(keys[kiosk], id(kiosk), "{\"idNumber\":\"" + idNumbers[resident] + "\",\"name\":\"模拟居民"
                + resident + "\",\"faceScore\":0.93,\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 120) + "}");
    }

    void tokenAnswered(int kiosk, String body) {
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no accessToken in the token answer");
        }
        tokens[kiosk] = m.group(1);
        refreshAt[kiosk] = System.currentTimeMillis() + TOKEN_REFRESH_AGE_S * 1000;
    }

    void sessionAnswered(int kiosk, int resident, String body) {
        Matcher m = CITIZEN_ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no citizen id in the session answer");
        }
        citizenIds[resident] = UUID.fromString(m.group(1));
        int[] old = served[kiosk] == null ? new int[0] : served[kiosk];
        int[] now = Arrays.copyOfRange(old, Math.max(0, old.length - 5), old.length + 1);
        now[now.length - 1] = resident;
        served[kiosk] = now;
    }

    /** Valid 18-digit resident ID numbers of Guangzhou (440106), distinct per index. */
    static String idNumber(int i) {
        String body = "440106" + String.format("%04d%02d%02d", 1950 + i / 12_000 % 50, 1 + i / 1000 % 12,
                1 + i / 36 % 28) + String.format("%03d", i % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int j = 0; j < 17; j++) {
            sum += (body.charAt(j) - '0') * weights[j];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
