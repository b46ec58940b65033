namespace EfficiencyDashboard.Core.Exports;

/// <summary>Where an exported value comes from.</summary>
public enum ValueOrigin
{
    /// <summary>Measured by the runner on this organisation's hardware.</summary>
    Measured,

    /// <summary>Computed from measured values by a definition in the data dictionary.</summary>
    Derived,

    /// <summary>A public figure (datasheet, MLPerf, paper) with its source.</summary>
    Reference,

    /// <summary>What an engineer asked for or the catalog records.</summary>
    Configuration,

    /// <summary>How and where a measurement was made (software versions, machine).</summary>
    Provenance,
}
