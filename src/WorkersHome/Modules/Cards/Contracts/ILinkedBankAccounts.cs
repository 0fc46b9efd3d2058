namespace WorkersHome.Modules.Cards.Contracts;

/// <summary>The co-branded bank account linked to a member's live card, as a payout can use it.</summary>
public sealed record LinkedBankAccount(string BankName, string AccountNumber)
{
    public string Last4 => AccountNumber[^4..];

    public string Describe() => $"{BankName} 尾号 {Last4}";
}

public interface ILinkedBankAccounts
{
    /// <summary>The bank account linked to the member's live (not reissued or cancelled) card, decrypted; null when none is linked.</summary>
    Task<LinkedBankAccount?> FindAsync(Guid memberId, CancellationToken ct = default);
}