using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// A session ready for measured inference: seeded inputs and output buffers allocated once and bound to the session
/// (an I/O binding), so <see cref="Infer"/> allocates nothing and marshals no names: the timer measures ONNX Runtime.
/// </summary>
internal sealed class PreparedSession : IDisposable
{
    private readonly OrtIoBinding _binding;
    private readonly CancellationTokenRegistration _terminate;

    private PreparedSession(InferenceSession session, InputTensors inputs, RunOptions runOptions, OutputTensors outputs, CancellationToken cancellationToken)
    {
        Session = session;
        Inputs = inputs;
        RunOptions = runOptions;
        Outputs = outputs;
        _terminate = cancellationToken.Register(() => runOptions.Terminate = true);
        _binding = session.CreateIoBinding();
        for (var i = 0; i < inputs.Names.Count; i++)
        {
            _binding.BindInput(inputs.Names[i], inputs.Values[i]);
        }

        for (var i = 0; i < outputs.Names.Count; i++)
        {
            _binding.BindOutput(outputs.Names[i], outputs.Values[i]);
        }
    }

    public InferenceSession Session { get; }

    public InputTensors Inputs { get; }

    public OutputTensors Outputs { get; }

    public RunOptions RunOptions { get; }

    /// <summary>Loads the model, creates inputs, and learns output shapes from one unmeasured inference.</summary>
    public static PreparedSession Open(string modelPath, SessionOptions options, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var session = OpenSession(modelPath, options);
        InputTensors? inputs = null;
        RunOptions? runOptions = null;
        OutputTensors? outputs = null;
        try
        {
            inputs = settings.Inputs is { } given
                ? InputTensors.From(session.InputMetadata, given)
                : InputTensors.Create(session.InputMetadata, settings.BatchSize, settings.InputShapes, settings.InputSeed);
            runOptions = new RunOptions();
            outputs = AllocateOutputs(session, runOptions, inputs, cancellationToken);
            return new PreparedSession(session, inputs, runOptions, outputs, cancellationToken);
        }
        catch
        {
            outputs?.Dispose();
            runOptions?.Dispose();
            inputs?.Dispose();
            session.Dispose();
            throw;
        }
    }

    /// <summary>One inference on the bound inputs and outputs. Allocation-free; cancellation aborts a running inference.</summary>
    public void Infer(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Session.RunWithBinding(RunOptions, _binding);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // The terminate flag aborted the inference; report it as the cancellation it is.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime failed to run the model: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _terminate.Dispose();
        _binding.Dispose();
        Outputs.Dispose();
        RunOptions.Dispose();
        Inputs.Dispose();
        Session.Dispose();
    }

    private static InferenceSession OpenSession(string modelPath, SessionOptions options)
    {
        if (!File.Exists(modelPath))
        {
            throw new RunnerException($"The model file '{modelPath}' does not exist.");
        }

        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime could not load the model: {ex.Message}", ex);
        }
    }

    private static OutputTensors AllocateOutputs(InferenceSession session, RunOptions runOptions, InputTensors inputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // One unmeasured inference learns the output shapes, so the measured loop can write into fixed buffers.
            using var probe = session.Run(runOptions, inputs.Names, inputs.Values, [.. session.OutputNames]);
            return OutputTensors.LikeProbe(session.OutputNames, probe);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"The model does not run with these inputs: {ex.Message}", ex);
        }
    }
}
