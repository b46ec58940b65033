using System.Text.Json;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Sandbox;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Models;

/// <summary>
/// Adds an engineer's .onnx file to the catalog: streams it to disk (never whole in memory), validates it by opening an
/// ONNX Runtime session and analysing it in a sandbox process (never in the web process, with a memory and a time
/// limit), and adds it only if that works; otherwise says why and leaves nothing behind.
/// </summary>
public sealed class ModelUploads(
    IDbContextFactory<EfficiencyContext> dbFactory, DataDirectory data, SandboxProcess sandbox, IOptions<CatalogOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <param name="inputShapes">Values for dynamic dimensions other than the batch, when the model has them.</param>
    public async Task<(Model? Model, Dictionary<string, string[]> Errors)> AddAsync(
        Stream content, string fileName, string? name, IReadOnlyDictionary<string, int[]>? inputShapes, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.Upload, "Uploading models");
        var errors = new Dictionary<string, string[]>();
        if (name is { Length: > 200 })
        {
            errors["name"] = ["A model's name has at most 200 characters."];
            return (null, errors);
        }

        if (!fileName.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            errors["file"] = [$"'{fileName}' is not an .onnx file."];
            return (null, errors);
        }

        var relative = Path.Combine("models", "uploaded", $"{Guid.NewGuid():N}.onnx");
        var path = data.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keep = false;
        try
        {
            var size = await CopyLimitedAsync(content, path, cancellationToken);
            if (size is null)
            {
                errors["file"] = [$"The file is larger than the upload limit of {MaxBytes / (1024 * 1024)} MiB (Catalog:MaxUploadBytes)."];
                return (null, errors);
            }

            if (size == 0)
            {
                errors["file"] = ["The file is empty."];
                return (null, errors);
            }

            var shapes = inputShapes ?? new Dictionary<string, int[]>();
            SandboxOutcome<ModelFacts> analysis;
            try
            {
                analysis = await sandbox.RunAsync<ModelAnalysisRequest, ModelFacts>(
                    ModelAnalysisRequest.Kind, "analysis", new ModelAnalysisRequest(path, new Dictionary<string, int[]>(shapes)), null, cancellationToken);
            }
            catch (SandboxStoppedException ex)
            {
                errors["file"] = [UserMessages.Scrub(ex.Message)];
                return (null, errors);
            }

            if (analysis.Value is not { } facts)
            {
                errors[analysis.ErrorKind == ModelAnalysisRequest.DynamicDimension ? "inputShapes" : "file"] =
                    [analysis.ErrorKind == ModelAnalysisRequest.DynamicDimension ? UserMessages.Scrub(analysis.Error!) : $"Not a model ONNX Runtime can run: {UserMessages.Scrub(analysis.Error!)}"];
                return (null, errors);
            }

            var model = new Model
            {
                Name = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(fileName) : name.Trim(),
                Task = facts.Task,
                Source = ModelSource.Uploaded,
                Provenance = $"Uploaded as '{fileName}' on {clock.GetUtcNow():yyyy-MM-dd}.",
                FilePath = relative,
                AddedAtUtc = clock.GetUtcNow().UtcDateTime,
                AddedBy = actor.Name,
                DefaultInputShapes = new Dictionary<string, int[]>(shapes),
            };
            CatalogEntry.ApplyAnalysis(model, facts, size.Value, classify: true);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Models.Add(model);
            await db.SaveChangesAsync(cancellationToken);
            keep = true;
            db.AuditEvents.Add(actor.Audit(AuditAction.ModelUploaded, AuditSubject.Model, model.Id, model.AddedAtUtc, $"'{model.Name}' from '{fileName}'"));
            await db.SaveChangesAsync(cancellationToken);
            return (model, errors);
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Parses the JSON form field of input shapes, e.g. <c>{"input_ids": [1, 128]}</c>.</summary>
    public static (Dictionary<string, int[]>? Shapes, string? Error) ParseShapes(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, null);
        }

        Dictionary<string, int[]>? shapes;
        try
        {
            shapes = JsonSerializer.Deserialize<Dictionary<string, int[]>>(json);
        }
        catch (JsonException ex)
        {
            return (null, $"inputShapes must be JSON like {{\"input_ids\": [1, 128]}}: {ex.Message}");
        }

        // The analysis runs the model once at these shapes (batch 1): cap them before any tensor is made.
        foreach (var (input, shape) in shapes ?? [])
        {
            if (InputShapeLimits.Problem(input, shape, batchSize: 1) is { } problem)
            {
                return (null, problem);
            }
        }

        return (shapes, null);
    }

    /// <summary>Copies in 80 KB pieces; returns null (and stops) past the size limit.</summary>
    private async Task<long?> CopyLimitedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return null;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
