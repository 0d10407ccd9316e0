package org.parkline.client;

class Placeholder {}
