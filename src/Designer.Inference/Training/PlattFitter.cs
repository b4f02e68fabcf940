using Designer.Inference.Onnx;

namespace Designer.Inference.Training;

/// <summary>Fits Platt scaling <c>σ(a·z + c)</c> to logits by Newton's method on the log-likelihood.</summary>
internal static class PlattFitter
{
    public static PlattCalibration Fit(double[] logits, bool[] labels)
    {
        double a = 1, c = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gc = 0, haa = 0, hac = 0, hcc = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = 1.0 / (1.0 + Math.Exp(-((a * logits[i]) + c)));
                var error = p - (labels[i] ? 1 : 0);
                var weight = Math.Max(p * (1 - p), 1e-9);
                ga += error * logits[i];
                gc += error;
                haa += weight * logits[i] * logits[i];
                hac += weight * logits[i];
                hcc += weight;
            }

            // Tiny ridge keeps the 2x2 Hessian invertible on separable or degenerate splits.
            haa += 1e-6;
            hcc += 1e-6;
            var det = (haa * hcc) - (hac * hac);
            var da = ((hcc * ga) - (hac * gc)) / det;
            var dc = ((haa * gc) - (hac * ga)) / det;
            a -= da;
            c -= dc;
            if (Math.Abs(da) + Math.Abs(dc) < 1e-10)
            {
                break;
            }
        }

        return double.IsFinite(a) && double.IsFinite(c) && a > 0 ? new PlattCalibration((float)a, (float)c) : PlattCalibration.Identity;
    }
}
