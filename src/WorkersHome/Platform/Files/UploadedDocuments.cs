using System.Text;

using SkiaSharp;

using UglyToad.PdfPig;

using WorkersHome.Platform.Errors;

namespace WorkersHome.Platform.Files;

/// <summary>What an uploaded document turned out to be: its type, or why it is refused.</summary>
public sealed record DocumentCheck(string? ContentType, DocumentProblem Problem)
{
    public bool IsAccepted => Problem == DocumentProblem.None;
}

public enum DocumentProblem
{
    None,

    /// <summary>Not a JPEG, PNG or PDF by its first bytes (or a PDF with active content).</summary>
    NotAccepted,

    /// <summary>Starts like one but does not decode or parse to the end.</summary>
    Damaged,

    /// <summary>An image whose pixel count would take too much memory to check (a decompression bomb).</summary>
    TooManyPixels,
}

/// <summary>
/// The one check every proof document and photo goes through. The first bytes only say what a file claims to be;
/// an image is then decoded to its last pixel (SkiaSharp) and a PDF parsed page by page (PdfPig), so that a file of
/// random bytes behind a JPEG header, or a truncated one, is refused rather than stored and later shown broken.
/// </summary>
public static class UploadedDocuments
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    /// <summary>About a 48-megapixel phone photo; a larger one would need hundreds of MB just to be checked.</summary>
    public const long MaxPixels = 50_000_000;

    private static readonly string[] ActivePdfNames = ["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia", "/XFA", "/SubmitForm", "/ImportData"];

    /// <summary>
    /// The content type of an accepted upload, or a 400 naming <paramref name="field"/> with what is wrong: not a type
    /// we take, damaged, or too many pixels. <paramref name="imagesOnly"/> refuses PDFs (visit photos).
    /// </summary>
    public static string Require(byte[] content, bool imagesOnly, string field = "File")
    {
        var check = Check(content);
        var errors = new FieldErrors();
        if (check.Problem == DocumentProblem.NotAccepted || (imagesOnly && check.ContentType == Pdf))
        {
            if (imagesOnly)
            {
                errors.Add(field, "走访照片只接受 JPG 或 PNG 图片", "Visit photos must be JPG or PNG images");
            }
            else
            {
                errors.Add(field, "只接受 JPG、PNG 图片或不含脚本的 PDF 文件", "Only JPG or PNG images, or PDF files without scripts, are accepted");
            }
        }
        else if (check.Problem == DocumentProblem.Damaged)
        {
            errors.Add(field, "文件已损坏或不是有效的图片/PDF", "The file is damaged or not a valid image/PDF");
        }
        else if (check.Problem == DocumentProblem.TooManyPixels)
        {
            errors.Add(field, $"图片像素过多（不超过 {MaxPixels / 1_000_000} 百万像素），请缩小后再上传",
                $"The image has too many pixels (at most {MaxPixels / 1_000_000} megapixels); shrink it and upload again");
        }

        errors.ThrowIfAny();
        return check.ContentType!;
    }

    public static DocumentCheck Check(byte[] content)
    {
        var claimed = Claimed(content);
        if (claimed is null)
        {
            return new DocumentCheck(null, DocumentProblem.NotAccepted);
        }

        var problem = claimed == Pdf ? CheckPdf(content) : CheckImage(content, claimed);
        return new DocumentCheck(claimed, problem);
    }

    /// <summary>The type a file claims by its first bytes (a PDF only without active content); null when none we accept.</summary>
    public static string? Claimed(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            var text = Encoding.Latin1.GetString(content);
            return ActivePdfNames.Any(n => text.Contains(n, StringComparison.Ordinal)) ? null : Pdf;
        }

        return null;
    }

    private static DocumentProblem CheckImage(byte[] content, string claimed)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        var expected = claimed == Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        if (codec is null || codec.EncodedFormat != expected || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return DocumentProblem.Damaged;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return DocumentProblem.TooManyPixels;
        }

        // A JPEG decodes at an eighth of its size with every byte of its data still read, so the check needs little memory.
        var size = codec.GetScaledDimensions(claimed == Jpeg ? 0.125f : 1f);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var full = new SKBitmap(info);
            result = codec.GetPixels(info, full.GetPixels());
        }

        return result == SKCodecResult.Success ? DocumentProblem.None : DocumentProblem.Damaged;
    }

    private static DocumentProblem CheckPdf(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages < 1)
            {
                return DocumentProblem.Damaged;
            }

            foreach (var page in document.GetPages())
            {
                _ = page.Width;
            }

            return DocumentProblem.None;
        }
        catch (Exception)
        {
            // PdfPig reports a broken file with many exception types; any of them means "not a valid PDF".
            return DocumentProblem.Damaged;
        }
    }
}