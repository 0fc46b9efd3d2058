namespace WorkersHome.Platform.Errors;

/// <summary>
/// The name a form field goes by on screen, so that a value the model binder cannot read ("abc" in an amount) is
/// refused with a message that names the field (<see cref="BindingMessages"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FieldNameAttribute(string zh, string en) : Attribute
{
    public string Zh { get; } = zh;

    public string En { get; } = en;
}