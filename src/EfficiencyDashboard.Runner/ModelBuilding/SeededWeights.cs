namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>Deterministic weight initialisers: one seed gives the same values on every machine.</summary>
internal sealed class SeededWeights(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Kaiming-normal (std = sqrt(2 / fan_in)), the init torchvision gives convs followed by ReLU.</summary>
    public float[] KaimingNormal(int count, int fanIn) => Normal(count, Math.Sqrt(2.0 / fanIn));

    public float[] Normal(int count, double std)
    {
        var values = new float[count];
        // Box-Muller yields two samples per pair of uniforms; deterministic for a given seed.
        for (var i = 0; i < count; i += 2)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            var radius = std * Math.Sqrt(-2.0 * Math.Log(u1));
            var angle = 2.0 * Math.PI * u2;
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < count)
            {
                values[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }

        return values;
    }

    public static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }
}
