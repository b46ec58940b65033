using System.Security.Claims;
using System.Text;
using EfficiencyDashboard.Web.Limits;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EfficiencyDashboard.Web.Models;

/// <summary>
/// <c>POST /api/models</c>: multipart form with <c>file</c> (.onnx), and optional <c>name</c> and <c>inputShapes</c> (JSON).
/// The body is read as it arrives and cut at the upload limit; text fields are capped; a refused upload leaves no file.
/// </summary>
internal static class ModelUploadEndpoint
{
    /// <summary>Parts a form may have: the file and a few text fields.</summary>
    private const int MaxSections = 8;

    public static async Task<Results<Created<ModelView>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, ModelUploads uploads, DataDirectory data, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        // Before a byte of the body is read.
        var actor = Actor.From(user);
        actor.Require(Permission.Upload, "Uploading models");

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Invalid("file", "Send the model as multipart/form-data with a 'file' field holding the .onnx file.");
        }

        var fieldLimit = limits.Value.MaxFormFieldBytes;
        var bodyLimit = uploads.MaxBytes + MaxSections * (fieldLimit + 1024L);
        if (request.ContentLength > bodyLimit)
        {
            return TooLarge(uploads.MaxBytes);
        }

        // The server itself stops reading past this, whatever the parts say.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = bodyLimit;
        }

        // The file part is staged to disk as it arrives, so fields may come before or after it.
        var staged = Path.Combine(data.Root, $"upload-{Guid.NewGuid():N}.part");
        try
        {
            var fields = new Dictionary<string, string>();
            string? fileName = null;
            var sections = 0;
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++sections > MaxSections)
                {
                    return Invalid("form", $"The form has more than {MaxSections} parts: send 'file', and optionally 'name' and 'inputShapes'.");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var fieldName = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && fieldName == "file")
                {
                    if (fileName is not null)
                    {
                        return Invalid("file", "Send one file per upload.");
                    }

                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "upload.onnx");
                    if (!await CopyLimitedAsync(section.Body, staged, uploads.MaxBytes, cancellationToken))
                    {
                        return TooLarge(uploads.MaxBytes);
                    }
                }
                else if (await ReadLimitedAsync(section.Body, fieldLimit, cancellationToken) is { } text)
                {
                    fields[fieldName] = text;
                }
                else
                {
                    return Invalid(fieldName, $"The '{fieldName}' field is longer than {fieldLimit} bytes (Limits:MaxFormFieldBytes).");
                }
            }

            if (fileName is null)
            {
                return Invalid("file", "The form has no 'file' field with the .onnx file.");
            }

            var (shapes, shapeError) = ModelUploads.ParseShapes(fields.GetValueOrDefault("inputShapes"));
            if (shapeError is not null)
            {
                return Invalid("inputShapes", shapeError);
            }

            await using var content = File.OpenRead(staged);
            var (model, errors) = await uploads.AddAsync(content, fileName, fields.GetValueOrDefault("name"), shapes, actor, cancellationToken);
            return model is null
                ? TypedResults.ValidationProblem(errors, title: "The model was not added to the catalog.")
                : TypedResults.Created($"/api/models/{model.Id}", ModelView.From(model));
        }
        finally
        {
            File.Delete(staged);
        }
    }

    /// <summary>Copies the file part in 80 KB pieces; false (and the partial file deleted) once it passes the limit.</summary>
    private static async Task<bool> CopyLimitedAsync(Stream body, string path, long limit, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (total <= limit)
            {
                return true;
            }
        }

        File.Delete(path);
        return false;
    }

    /// <summary>A text field as UTF-8, or null when it is longer than the limit (read no further).</summary>
    private static async Task<string?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while (total <= limit && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > limit ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"The file is larger than the upload limit of {maxBytes / (1024 * 1024)} MiB (Catalog:MaxUploadBytes): the upload was stopped there and nothing was kept.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The model was not added to the catalog.");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The model was not added to the catalog.");
}
