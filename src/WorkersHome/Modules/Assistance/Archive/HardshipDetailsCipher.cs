using System.Text.Json;

using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>Seals a household's details into a file and opens them again, for the steps, the views and the ledger.</summary>
public sealed class HardshipDetailsCipher(PersonalDataProtector protector)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HardshipDetails Read(HardshipFile file) => JsonSerializer.Deserialize<HardshipDetails>(protector.Decrypt(file.DetailsCipher), Json)!;

    /// <summary>Puts a validated form's household into the file: sealed details, and the plain figures lists and statistics need.</summary>
    public void Describe(HardshipFile file, ValidHardshipForm valid) =>
        file.Describe(protector.Encrypt(JsonSerializer.Serialize(valid.Details, Json)), valid.Causes, valid.PrimaryCause, valid.Housing, valid.Details.Household.Count);
}