package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finds or creates the one citizen record of an ID number, whichever way the resident came in. */
@ApplicationScoped
public class Citizens {


    private final PersonalDataCipher cipher;
    private final EntityManager em;

    Citizens(PersonalDataCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    /** A validated citizen as the API shows it to the citizen themself. */
    public record CitizenView(UUID id, String maskedIdNumber, String name) {
    }

    /** Refuses an invalid ID number with a 400 that names the reason, never the number. */
    public static String requireValid(String idNumber) {
        IdNumbers.problem(idNumber, ChinaTime.today()).ifPresent(reason -> {
            throw new ProblemException(Problem.of(400, "invalid-id-number", "Invalid ID number",
                    "The resident ID number is not valid: " + reason)
                    .withErrors(List.of(Problem.FieldError.pointer("/idNumber", reason))));
        });
        return IdNumbers.normalize(idNumber);
    }

    /**
     * One row per ID number even under concurrent first logins: the insert and the lookup are one statement on the
     * unique keyed hash.
     */
    @Transactional
    public CitizenView signIn(String validIdNumber, String name, Integer realNameLevel) {
        byte[] hash = cipher.lookupHash(validIdNumber);
        Object[] row = (Object[]) em.createNativeQuery("""
                INSERT INTO citizen (id, id_number_hash, id_number_enc, id_number_mask, name, real_name_level)
                VALUES (:id, :hash, :enc, :mask, :name, :level)
                ON CONFLICT (id_number_hash) DO UPDATE SET last_login_at = now(), name = EXCLUDED.name,
                    real_name_level = COALESCE(EXCLUDED.real_name_level, citizen.real_name_level)
                RETURNING id, id_number_mask, name
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("hash", hash)
                .setParameter("enc", cipher.encrypt(validIdNumber))
                .setParameter("mask", IdNumbers.mask(validIdNumber))
                .setParameter("name", name.strip())
                .setParameter("level", realNameLevel)
                .getSingleResult();
        return new CitizenView((UUID) row[0], (String) row[1], (String) row[2]);
    }

    /** Applicants as staff see them: name and masked ID number, never the number itself; one query for all. */
    public Map<UUID, CitizenView> views(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Citizen.<Citizen>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, c -> new CitizenView(c.id, c.idNumberMasked, c.name)));
    }
}
