namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>What kind of data a model's inputs take, read from its input signature.</summary>
public enum InputKind
{
    /// <summary>Token ids (with attention mask and token types): sentences tokenized with the model's vocabulary.</summary>
    Text,

    /// <summary>A float NCHW image tensor with 3 channels: procedural images.</summary>
    Image,

    /// <summary>Any other float input: seeded normal values, since no real data exists for it.</summary>
    Features,
}
