package cn.gov.gd.yzz.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The instants of the solar terms (节气): when the Sun's apparent geocentric ecliptic longitude reaches a multiple of
 * 15°. ICU4J computes the major terms internally for its Chinese calendar but exposes none, so this follows Meeus
 * (Astronomical Algorithms, ch. 25 and 27): VSOP87 longitude, FK5 correction, nutation in longitude (ch. 22, the
 * four largest terms) and aberration, with ΔT (TT - UT) from Espenak and Meeus' polynomials. The result is good to
 * about a minute; the calendar only needs the day in China time (UTC+8, as the Purple Mountain Observatory counts).
 */
public final class SolarTerms {

    /** China's standard time: solar-term and lunar dates are days of this offset, whatever the server's zone. */
    public static final ZoneId CHINA_TIME = ZoneOffset.ofHours(8);

    private static final double J2000 = 2451545.0;
    private static final double TROPICAL_YEAR = 365.242189;
    private static final double UNIX_EPOCH_JD = 2440587.5;

    private SolarTerms() {
    }

    /** 清明: the day (China time) the Sun reaches longitude 15°, in early April. */
    public static LocalDate qingming(int year) {
        return instantOfLongitude(year, 15).atZone(CHINA_TIME).toLocalDate();
    }

    /** The instant in the given year when the Sun's apparent longitude is {@code degrees} (0 = March equinox). */
    public static Instant instantOfLongitude(int year, double degrees) {
        // first guess: the March equinox is near March 20.5; the Sun moves about 360° a tropical year
        double jde = julianDay(LocalDate.of(year, 3, 20)) + 0.5 + degrees / 360.0 * TROPICAL_YEAR;
        for (int i = 0; i < 20; i++) {
            double error = normalize180(degrees - apparentLongitude(jde));
            double step = error / 360.0 * TROPICAL_YEAR;
            jde += step;
            if (Math.abs(step) < 1e-7) {
                break;
            }
        }
        double jdUniversal = jde - deltaTSeconds(year) / 86400.0;
        double seconds = (jdUniversal - UNIX_EPOCH_JD) * 86400.0;
        return Instant.ofEpochSecond(Math.round(seconds));
    }

    /** Apparent geocentric longitude of the Sun, degrees, at a Julian Ephemeris Day (TT). */
    static double apparentLongitude(double jde) {
        double tau = (jde - J2000) / 365250.0;
        double t = tau * 10;
        double geometric = Math.toDegrees(Vsop87Earth.longitude(tau)) + 180.0;
        // VSOP87 to the FK5 system: -0.09033"
        double fk5 = -0.09033 / 3600.0;
        double nutation = nutationInLongitude(t);
        double aberration = -20.4898 / 3600.0 / Vsop87Earth.radius(tau);
        return normalize360(geometric + fk5 + nutation + aberration);
    }

    /** Δψ in degrees (Meeus ch. 22, accurate to 0.5"). */
    private static double nutationInLongitude(double t) {
        double omega = Math.toRadians(125.04452 - 1934.136261 * t);
        double sunMean = Math.toRadians(280.4665 + 36000.7698 * t);
        double moonMean = Math.toRadians(218.3165 + 481267.8813 * t);
        double arcSeconds = -17.20 * Math.sin(omega) - 1.32 * Math.sin(2 * sunMean) - 0.23 * Math.sin(2 * moonMean)
                + 0.21 * Math.sin(2 * omega);
        return arcSeconds / 3600.0;
    }

    /** ΔT = TT - UT in seconds (Espenak and Meeus, NASA eclipse pages); a few seconds' error moves nothing here. */
    static double deltaTSeconds(int year) {
        double y = year + 0.25;
        if (y < 2005) {
            double t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * Math.pow(t, 4)
                    + 0.00002373599 * Math.pow(t, 5);
        }
        if (y < 2050) {
            double t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (y - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - y);
    }

    static double julianDay(LocalDate day) {
        return day.toEpochDay() + UNIX_EPOCH_JD;
    }

    private static double normalize360(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private static double normalize180(double degrees) {
        double d = normalize360(degrees);
        return d > 180 ? d - 360 : d;
    }
}
