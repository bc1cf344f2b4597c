package labcloud.machine;

import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * The backstop in AWS: a CloudWatch alarm that stops the machine when its CPU stays below 2% for
 * two hours, through EC2's built-in alarm action (no Lambda, no role), so a broken agent cannot keep
 * billing. A stopped machine sends no data; missing data is not breaching, so the alarm rests.
 */
public final class IdleAlarm {
    public static final double CPU_PERCENT = labcloud.inventory.InstanceCpu.IDLE_PERCENT;
    public static final int PERIOD_SECONDS = 300;
    /** 24 periods of 5 minutes: two hours. */
    public static final int PERIODS = 24;

    private final AwsContext aws;

    public IdleAlarm(AwsContext aws) {
        this.aws = aws;
    }

    public static String name(String machine, String instanceId) {
        return "labcloud-idle-" + machine + "-" + instanceId;
    }

    public static String stopAction(String region) {
        return "arn:aws:automate:" + region + ":ec2:stop";
    }

    public String put(String region, String machine, String instanceId, Map<String, String> tags) {
        String name = name(machine, instanceId);
        AwsContext.call(() -> aws.cloudWatch(region).putMetricAlarm(b -> b
                .alarmName(name)
                .alarmDescription("labcloud: stop machine " + machine + " when its CPU stays below 2% for 2 hours")
                .namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(d -> d.name("InstanceId").value(instanceId))
                .statistic(Statistic.AVERAGE).period(PERIOD_SECONDS)
                .evaluationPeriods(PERIODS).datapointsToAlarm(PERIODS)
                .threshold(CPU_PERCENT).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .treatMissingData("notBreaching")
                .alarmActions(stopAction(region))
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        return name;
    }

    public List<MetricAlarm> find(String region, String machine, String instanceId) {
        return AwsContext.call(() -> aws.cloudWatch(region).describeAlarms(b -> b.alarmNames(name(machine, instanceId)))
                .metricAlarms());
    }

    public void delete(String region, String machine, String instanceId) {
        AwsContext.call(() -> aws.cloudWatch(region).deleteAlarms(b -> b.alarmNames(name(machine, instanceId))));
    }
}
