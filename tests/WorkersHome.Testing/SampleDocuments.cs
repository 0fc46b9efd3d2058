using SkiaSharp;

using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace WorkersHome.Testing;

/// <summary>Real, small proof documents made in the test: images drawn with SkiaSharp and a PDF written with PdfPig.</summary>
public static class SampleDocuments
{
    public static byte[] Jpeg(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Png(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Png, width, height);

    /// <summary>A one-page PDF; <paramref name="title"/> goes into its information dictionary, readable in the file's bytes.</summary>
    public static byte[] Pdf(string title = "诊断证明")
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Diagnosis", 12, new UglyToad.PdfPig.Core.PdfPoint(25, 700), font);
        return builder.Build();
    }

    private static byte[] Image(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Firebrick };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}