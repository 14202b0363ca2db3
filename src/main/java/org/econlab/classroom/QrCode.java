package org.econlab.classroom;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/** A QR code of a text (the join address) as modules, drawn by whoever shows it (ZXing's encoder). */
public final class QrCode {

    private QrCode() {
    }

    /**
     * The modules of {@code text}'s QR code, {@code [row][column]}, true for dark, with a quiet zone of
     * {@code margin} modules around (4 is the standard's).
     *
     * @throws IllegalArgumentException when the text is too long for a QR code
     */
    public static boolean[][] modules(String text, int margin) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, margin, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    out[y][x] = m.get(x, y);
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of that text: " + e.getMessage(), e);
        }
    }
}
