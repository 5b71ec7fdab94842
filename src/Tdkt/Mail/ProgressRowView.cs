namespace Tdkt.Mail;

public sealed record ProgressRowView(string Agency, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Total, string DonePercent);
