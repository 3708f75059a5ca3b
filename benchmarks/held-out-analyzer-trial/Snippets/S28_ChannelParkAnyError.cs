// EXPECT: DATO002: any API error (permanent too) written back to the channel ("parking the failures, still a drop").
using System.Threading.Channels;
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Hosting;

namespace Trial4;

internal sealed class S28_ParkingWorker(ICmsClient cms) : BackgroundService
{
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await cms.PublishAsync(job.ItemId, stoppingToken);
            }
            catch (DatoCmsApiException)
            {
                await _jobs.Writer.WriteAsync(job, stoppingToken);
            }
        }
    }
}
