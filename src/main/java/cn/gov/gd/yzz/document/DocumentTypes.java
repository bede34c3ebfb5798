package cn.gov.gd.yzz.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;

/** The media type of a document as its first bytes say (magic numbers), whatever its name or declared type claim. */
@ApplicationScoped
public class DocumentTypes {

    /** How many leading bytes are enough to recognise the allowed types. */
    static final int PREFIX = 8192;

    private final Tika tika = new Tika();

    public String detect(byte[] prefix) {
        return tika.detect(prefix);
    }
}
