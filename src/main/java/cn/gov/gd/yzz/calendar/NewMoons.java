package cn.gov.gd.yzz.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants of new moon (朔) after J. Meeus, Astronomical Algorithms, 2nd ed., ch. 49 (periodic terms and the 14
 * planetary arguments): within about half a minute of the modern lunar theories over these centuries.
 */
final class NewMoons {

    private static final double UNIX_EPOCH_JD = 2440587.5;

    private NewMoons() {
    }

    /** The new moon nearest to the given day. */
    static Instant nearest(LocalDate day) {
        double years = day.getYear() + (day.getDayOfYear() - 0.5) / day.lengthOfYear();
        double k = Math.round((years - 2000) * 12.3685);
        double jde = julianEphemerisDay(k);
        double jd = jde - SolarTerms.deltaTSeconds(day.getYear()) / 86400.0;
        return Instant.ofEpochSecond(Math.round((jd - UNIX_EPOCH_JD) * 86400.0));
    }

    /** Julian Ephemeris Day of lunation {@code k} (k = 0: the new moon of 2000-01-06). */
    static double julianEphemerisDay(double k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
        double c = -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(omega) - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
        double[][] planetary = {
            {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
            {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
            {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
            {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
            {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
        };
        double w = 0;
        for (int i = 0; i < planetary.length; i++) {
            double argument = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            w += planetary[i][2] * sin(argument);
        }
        return jde + c + w;
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
