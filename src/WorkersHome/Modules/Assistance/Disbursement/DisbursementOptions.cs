namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>Disbursement settings (section "Disbursement").</summary>
public sealed class DisbursementOptions
{
    /// <summary>
    /// Separation of duties (OWASP ASVS 2.3.5): a batch whose total is at or above this many yuan is confirmed by a finance
    /// officer other than the one who compiled it. 0, the default, asks for a second person on every batch.
    /// </summary>
    public decimal DualControlFromAmount { get; set; }

    public bool NeedsSecondPerson(decimal total) => total >= DualControlFromAmount;
}