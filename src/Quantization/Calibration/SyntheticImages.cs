namespace EdgeCloud.Quantization.Calibration;

/// <summary>
/// Deterministic image-like samples for calibrating and checking vision models where no image set ships:
/// a colour gradient, a few filled rectangles and ellipses, a sinusoidal texture and pixel noise,
/// as planar RGB floats in [0, 255]. They exercise the value ranges of real photos; they are not photos.
/// </summary>
public static class SyntheticImages
{
    public static float[] Generate(int seed, int height, int width)
    {
        var random = new Random(seed);
        var image = new float[3 * height * width];
        var from = Colour(random);
        var to = Colour(random);
        var angle = random.NextDouble() * Math.PI;
        var frequency = 0.02 + (random.NextDouble() * 0.2);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = ((x * Math.Cos(angle)) + (y * Math.Sin(angle))) / (width + height) + 0.5;
                var texture = 20 * Math.Sin(frequency * (x + (2 * y)));
                for (var c = 0; c < 3; c++)
                {
                    image[(c * height * width) + (y * width) + x] = (float)((from[c] * (1 - t)) + (to[c] * t) + texture);
                }
            }
        }

        for (var shapes = random.Next(3, 9); shapes > 0; shapes--)
        {
            DrawShape(image, random, height, width);
        }

        for (var i = 0; i < image.Length; i++)
        {
            image[i] = Math.Clamp(image[i] + (float)((random.NextDouble() - 0.5) * 24), 0f, 255f);
        }

        return image;
    }

    private static void DrawShape(float[] image, Random random, int height, int width)
    {
        var colour = Colour(random);
        int cx = random.Next(width), cy = random.Next(height);
        int rx = random.Next(4, Math.Max(5, width / 3)), ry = random.Next(4, Math.Max(5, height / 3));
        var ellipse = random.Next(2) == 0;
        for (var y = Math.Max(0, cy - ry); y < Math.Min(height, cy + ry); y++)
        {
            for (var x = Math.Max(0, cx - rx); x < Math.Min(width, cx + rx); x++)
            {
                double dx = (double)(x - cx) / rx, dy = (double)(y - cy) / ry;
                if (ellipse && (dx * dx) + (dy * dy) > 1)
                {
                    continue;
                }

                for (var c = 0; c < 3; c++)
                {
                    image[(c * height * width) + (y * width) + x] = colour[c];
                }
            }
        }
    }

    private static float[] Colour(Random random) => [random.Next(256), random.Next(256), random.Next(256)];
}
