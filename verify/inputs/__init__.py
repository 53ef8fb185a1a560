"""verify.inputs."""
