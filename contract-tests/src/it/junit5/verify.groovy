evaluate(new File(consumerBuildCheck))
